// Two ways of measuring: many connections for a while (autocannon: throughput and tail latency), and
// one request after another (latency of a single reader, whose percentiles are exact).
import autocannon, { type Request, type Result } from "autocannon";
import { onCleanup } from "./cleanup";

export type LoadResult = {
  /** Responses per second over the run. */
  rps: number;
  /** How long the run really lasted. */
  seconds: number;
  p50: number;
  p99: number;
  total: number;
  /** Requests sent; more than `total` when some were still unanswered as the run stopped. */
  sent: number;
  errors: number;
  statuses: Record<string, number>;
};

export type LoadOptions = {
  url: string;
  connections: number;
  seconds: number;
  /** One request template; `setupRequest` may change it per request. */
  request?: Request;
};

export async function load(options: LoadOptions): Promise<LoadResult> {
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        requests: options.request ? [options.request] : undefined,
      },
      (error, finished) => {
        void stopOnCleanup();
        if (error) reject(error);
        else resolve(finished);
      },
    );
    const stopOnCleanup = onCleanup("stopping the load generator", () => instance.stop());
  });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
  return {
    rps: result.requests.total / result.duration,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    sent: result.requests.sent,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

export type Latency = { p50: number; p95: number; max: number; n: number };

/** Percentile of sorted values by the nearest-rank method. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Runs `once` sequentially: a few warm-up calls (compilation, caches, connection pools), then `n`
 * timed calls (stopping early after `maxMs`). `once` must throw on a wrong answer.
 */
export async function sequentialLatency(once: () => Promise<void>, options: { n: number; warmup?: number; maxMs?: number }): Promise<Latency> {
  for (let i = 0; i < (options.warmup ?? 3); i++) await once();
  const times: number[] = [];
  const deadline = Date.now() + (options.maxMs ?? 30_000);
  while (times.length < options.n && Date.now() < deadline) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] ?? NaN, n: times.length };
}

/** GETs a URL, throwing unless the status is the expected one; returns the body. */
export async function get(url: string, options: { headers?: Record<string, string>; expect?: number } = {}): Promise<string> {
  const response = await fetch(url, { headers: options.headers, redirect: "manual" });
  const body = await response.text();
  if (response.status !== (options.expect ?? 200)) throw new Error(`GET ${url} answered ${response.status}, expected ${options.expect ?? 200}`);
  return body;
}
