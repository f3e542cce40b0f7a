// The campaign page through the reference deployment's shared cache (nginx in front of two instances
// and PgBouncer, docs/scaling.md), against a static file served the same way by the same nginx: the
// page's own HTML, saved once, plain and compressed in advance, as the cache holds the page. Then how
// far behind the database the count is on the page and in the API as readers get them from the cache.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type pg from "pg";
import type { Options } from "../lib/context";
import { startDeployment, type Deployment, type LogMark } from "../lib/deployment";
import type { BenchEnvironment } from "../lib/environment";
import { startFlow } from "../lib/flow";
import { load, type LoadResult } from "../lib/load";
import type { Figure, Note } from "../lib/report";
import { campaignPath, pagePrefix } from "../lib/site-paths";
import { countLags } from "./campaign-page";

const SCENARIO = "shared cache";
const CONNECTIONS = 50;
const GOAL_RPS = 1_700;
const STALENESS_SAMPLES = 5;
const STALENESS_LIMIT_MS = 30_000;
/** Signatures (and confirmations) a second while staleness is sampled. */
const FLOW_PER_SECOND = 5;

type Sink = { figures: Figure[]; notes: Note[]; options: Options; log: (line: string) => void };

export async function sharedCache(sink: Sink, environment: BenchEnvironment, db: pg.Pool): Promise<void> {
  const log = (line: string) => sink.log(`  ${line}`);
  const note = (text: string) => {
    sink.notes.push({ scenario: SCENARIO, text });
    log(`note: ${text}`);
  };
  const figure = (f: Figure) => {
    sink.figures.push(f);
    log(`→ ${f.measure}: ${f.value.toFixed(2)} ${f.unit}${f.baseline ? ` vs ${f.baseline.value.toFixed(2)} ${f.baseline.label}` : ""}${f.goal ? ` (goal ${f.goal.text}: ${f.goal.met ? "met" : "NOT met"})` : ""}`);
  };
  const goalText = `≥ 0.9× baseline and ≥ ${GOAL_RPS.toLocaleString("en-GB")} req/s`;

  const started = await startDeployment(environment, log);
  if ("unavailable" in started) {
    log(`SKIPPED: the deployment cannot run here: ${started.unavailable}`);
    figure({ scenario: SCENARIO, measure: "campaign page through the shared cache requests/s: NOT MEASURED (nginx/PgBouncer unavailable)", value: NaN, unit: "req/s", goal: { text: goalText, met: false } });
    note(`skipped: ${started.unavailable}`);
    return;
  }
  const deployment: Deployment = started;
  try {
    const { url } = deployment;
    log(`nginx ${url} → ${deployment.apps.map((app) => app.url).join(", ")} → PgBouncer 127.0.0.1:${deployment.bouncer.port}`);
    const prefix = await pagePrefix(url);
    const page = campaignPath(prefix, environment.slug);

    // The baseline file: the page as nginx hands it to a reader, plain and compressed in advance (as
    // the cache keeps it); nginx serves it with gzip_static from /_static-baseline/.
    const response = await fetch(`${url}${page}`, { headers: { "accept-encoding": "identity" } });
    const html = Buffer.from(await response.arrayBuffer());
    const cacheControl = response.headers.get("cache-control") ?? "(none)";
    writeFileSync(path.join(deployment.nginx.baselineDir, "campaign.html"), html);
    writeFileSync(path.join(deployment.nginx.baselineDir, "campaign.html.gz"), gzipSync(html, { level: 5 }));
    const staticFile = "/_static-baseline/campaign.html";
    const cacheable = /\bpublic\b/.test(cacheControl) && /\bs-maxage=\d+/.test(cacheControl) && !/no-store|private/.test(cacheControl);
    log(`campaign page ${page}: ${html.length.toLocaleString("en-GB")} bytes, Cache-Control: ${cacheControl}${cacheable ? "" : " (NOT cacheable: every request goes to the app)"}`);

    const gzip = { method: "GET" as const, headers: { "accept-encoding": "gzip, deflate, br, zstd" } };
    const plain = { method: "GET" as const, headers: {} };
    for (const target of [staticFile, page]) await load({ url: `${url}${target}`, connections: 10, seconds: 2, request: gzip });

    // Static file and page alternate, A B B A, each for half the duration: what the other work on the
    // machine does to one it does to the other (consecutive runs here differ by up to 20%).
    const seconds = sink.options.seconds / 2;
    const runs: { label: string; encoding: string; file: LoadResult; page: LoadResult; pageLog: { front: string[]; app: string[] } }[] = [];
    for (const [encoding, request] of [
      ["gzip", gzip],
      ["plain", plain],
    ] as const) {
      log(`static file and campaign page through the cache, ${encoding}, ${CONNECTIONS} connections, A B B A × ${seconds} s`);
      const mark: LogMark = await deployment.mark();
      const measure = (target: string) => load({ url: `${url}${target}`, connections: CONNECTIONS, seconds, request });
      const file1 = await measure(staticFile);
      const page1 = await measure(page);
      const page2 = await measure(page);
      const file2 = await measure(staticFile);
      const lines = await deployment.logSince(mark);
      const pageLines = { front: lines.front.filter((line) => line.includes(`"GET ${page} `)), app: lines.app };
      runs.push({ label: encoding === "gzip" ? "gzip, as browsers ask" : "uncompressed", encoding, file: combine(file1, file2), page: combine(page1, page2), pageLog: pageLines });
    }
    for (const run of runs) {
      const headline = run.encoding === "gzip";
      figure({ scenario: SCENARIO, measure: `static file served by nginx (the page's HTML, ${run.label}) requests/s`, value: run.file.rps, unit: "req/s" });
      figure({
        scenario: SCENARIO,
        measure: `campaign page through the shared cache (${run.label}) requests/s`,
        value: run.page.rps,
        unit: "req/s",
        baseline: { label: `static file, ${run.encoding}`, value: run.file.rps },
        // The goal on what browsers ask for; the uncompressed run shows what the bytes cost.
        ...(headline ? { goal: { text: goalText, met: run.page.rps >= 0.9 * run.file.rps && run.page.rps >= GOAL_RPS } } : {}),
      });
      if (headline) figure({ scenario: SCENARIO, measure: `campaign page through the shared cache p99 latency (${run.label}, worse of two runs)`, value: run.page.p99, unit: "ms", baseline: { label: "static file p99", value: run.file.p99 } });
      const statuses = tally(run.pageLog.front.map((line) => /cache=(\S*)/.exec(line)?.[1] || "none"));
      const rendered = run.pageLog.app.filter((line) => line.includes(`"GET ${page} `)).length;
      const bad = Object.entries(run.page.statuses).filter(([code]) => code !== "200");
      note(
        `${run.label}: ${run.page.total.toLocaleString("en-GB")} page requests in ${run.page.seconds.toFixed(0)} s (cache ${[...statuses].map(([k, n]) => `${k} ×${n}`).join(", ")}); ` +
          `the instances rendered the page ${rendered} times${bad.length ? `; non-200 answers: ${bad.map(([code, n]) => `${code}×${n}`).join(" ")}` : ""}.`,
      );
    }

    // How old the count is that readers get from the cache, while people sign and confirm (straight
    // at the first instance: the load generator plays nginx for them, so each has a network of its own).
    log(`staleness through the cache: ${STALENESS_SAMPLES} samples while ${FLOW_PER_SECOND} people a second sign and confirm`);
    const first = deployment.apps[0]!;
    const flow = await startFlow({ baseUrl: first.url, prefix, slug: environment.slug, dataDir: environment.dataDir, perSecond: FLOW_PER_SECOND, tag: `cache${Date.now().toString(36)}`, firstNetwork: (3 << 22) + (3 << 20) });
    const pageLags: number[] = [];
    const apiLags: number[] = [];
    // Steady readers keep the cached copies in use (refreshed in the background once stale), as on a
    // campaign people are watching; without them an expired copy is simply fetched anew.
    let reading = true;
    const readers = [page, `/api/campaigns/${environment.slug}`].map(async (target) => {
      while (reading) {
        await fetch(`${url}${target}`).then((answer) => answer.arrayBuffer()).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    try {
      let last = -1;
      for (let i = 0; i < STALENESS_SAMPLES; i++) {
        // A sample counts only once the count has moved since the last one, at a moment that falls
        // anywhere in the cached copies' lifetimes.
        await new Promise((resolve) => setTimeout(resolve, 1_000 + Math.random() * 4_000));
        const [pageLag, apiLag, truth] = await staleness(db, environment.slug, url, page, last);
        last = truth;
        pageLags.push(pageLag);
        apiLags.push(apiLag);
      }
    } finally {
      reading = false;
      await Promise.all(readers);
      const total = await flow.stop();
      const failures = [...total.failures].map(([kind, n]) => `${kind} ×${n}`).join(", ");
      note(`staleness flow: ${total.signed} signed, ${total.confirmed} confirmed in ${total.seconds.toFixed(0)} s${failures ? `; failures: ${failures}` : ""}.`);
    }
    const worst = (lags: number[]) => Math.max(...lags) / 1000;
    figure({ scenario: SCENARIO, measure: `count staleness on the page through the cache (worst of ${STALENESS_SAMPLES})`, value: worst(pageLags), unit: "s", goal: { text: "≤ 10 s", met: worst(pageLags) <= 10 } });
    figure({ scenario: SCENARIO, measure: `count staleness in /api/campaigns/[slug] through the cache (worst of ${STALENESS_SAMPLES})`, value: worst(apiLags), unit: "s", goal: { text: "≤ 10 s", met: worst(apiLags) <= 10 } });
    note(`staleness samples through the cache (s): page ${pageLags.map((ms) => (ms / 1000).toFixed(1)).join(", ")}; API ${apiLags.map((ms) => (ms / 1000).toFixed(1)).join(", ")}; page Cache-Control: ${cacheControl}.`);
  } finally {
    await deployment.stop();
  }
}

/** Two runs against one target as one: requests over their summed time, the worse p99. */
function combine(a: LoadResult, b: LoadResult): LoadResult {
  const statuses: Record<string, number> = { ...a.statuses };
  for (const [code, n] of Object.entries(b.statuses)) statuses[code] = (statuses[code] ?? 0) + n;
  const total = a.total + b.total;
  const seconds = a.seconds + b.seconds;
  return { rps: total / seconds, seconds, p50: Math.max(a.p50, b.p50), p99: Math.max(a.p99, b.p99), total, sent: a.sent + b.sent, errors: a.errors + b.errors, statuses };
}

function tally(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Reads the confirmed count from the database (committed; once it is above `above`), then polls the
 * page and the API through nginx until each shows at least that; how long each took (ms), capped at
 * the limit, and the count.
 */
async function staleness(db: pg.Pool, slug: string, url: string, page: string, above: number): Promise<[number, number, number]> {
  const confirmed = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = $1 AND s.status = 'CONFIRMED'`, [slug])).rows[0]!.n;
  let truth = await confirmed();
  for (const deadline = Date.now() + 10_000; truth <= above && Date.now() < deadline; truth = await confirmed()) await new Promise((resolve) => setTimeout(resolve, 100));
  const [pageLag, apiLag] = await countLags({ url, page, slug, truth, limitMs: STALENESS_LIMIT_MS });
  return [pageLag, apiLag, truth];
}
