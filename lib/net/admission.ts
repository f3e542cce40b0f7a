import type { IncomingMessage, ServerResponse } from "node:http";
import pLimit from "p-limit";

// Admission control in the front server (scripts/server.ts): at most `concurrency` requests are in
// Next.js at once, the next `queue` wait their turn in arrival order, and any beyond those are told at
// once to come back (503 with Retry-After) instead of being taken on. Each request being rendered
// holds memory until it is answered; without a bound, a rush of 400 readers on a page rendered per
// request made a process with a 160 MB heap die of "JavaScript heap out of memory" (measured), and
// without a heap ceiling the process grows to whatever the rush asks. A waiting request holds only its
// socket. No "server-only": the front server imports it.

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

export type AdmissionLimits = { concurrency: number; queue: number };

export const ADMISSION_VARIABLES = { concurrency: "SERVER_CONCURRENCY", queue: "SERVER_QUEUE" } as const;
export const DEFAULT_ADMISSION: AdmissionLimits = { concurrency: 32, queue: 1_000 };

/** Seconds a turned-away client is asked to wait. */
export const BUSY_RETRY_AFTER_SECONDS = 5;
export const BUSY_MESSAGE =
  "This site is very busy. Please try again in a few seconds: nothing was received or changed.\n" +
  "یہ سائٹ اس وقت بہت مصروف ہے۔ براہِ کرم چند سیکنڈ بعد دوبارہ کوشش کریں: کچھ بھی موصول یا تبدیل نہیں ہوا۔\n";

/** The limits from the environment; a value that is not a positive whole number stops the server, saying so. */
export function admissionLimits(env: Record<string, string | undefined> = process.env): AdmissionLimits {
  const read = (key: keyof AdmissionLimits): number => {
    const name = ADMISSION_VARIABLES[key];
    const raw = env[name]?.trim();
    if (!raw) return DEFAULT_ADMISSION[key];
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of requests, 1 or more; got "${raw}".`);
    return value;
  };
  return { concurrency: read("concurrency"), queue: read("queue") };
}

/** Requests that never wait: the health check, so that a load balancer sees a busy process as alive. */
function passesStraight(req: IncomingMessage): boolean {
  return req.url === "/api/health";
}

/** Wraps the request handler with the bounds above. */
export function withAdmission(handler: Listener, limits: AdmissionLimits): Listener {
  const limit = pLimit(limits.concurrency);
  return (req, res) => {
    if (passesStraight(req)) return handler(req, res);
    if (limit.pendingCount >= limits.queue) return turnAway(res);
    void limit(
      () =>
        new Promise<void>((resolve) => {
          // The client gave up while it waited: nothing to do, and its turn passes on.
          if (req.socket.destroyed || res.writableEnded) return resolve();
          res.once("close", () => resolve());
          try {
            void Promise.resolve(handler(req, res)).catch(() => resolve());
          } catch {
            resolve();
          }
        }),
    );
  };
}

function turnAway(res: ServerResponse): void {
  res.writeHead(503, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "Retry-After": String(BUSY_RETRY_AFTER_SECONDS),
    "X-Content-Type-Options": "nosniff",
  });
  res.end(BUSY_MESSAGE);
}
