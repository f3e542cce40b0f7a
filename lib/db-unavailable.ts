// Telling "the database cannot be reached right now" apart from every other failure: the first is
// answered with HTTP 503 and "try again in a moment" (docs/decisions/013), the others are bugs.
// Errors arrive from node-postgres directly (the rate-limit pool, scripts) or wrapped by Prisma
// (PrismaClientKnownRequestError with meta.driverAdapterError), so the whole chain is inspected.

/** Seconds a client is asked to wait (Retry-After) when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma: can't reach, timed out, server closed the connection, pool timeout, too many connections.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
// Prisma's P2028 is any "Transaction API error"; only this one says the pool had no connection in time.
const NO_TRANSACTION_IN_TIME = /Unable to start a transaction in the given time/i;
const transactionNotStarted = (candidate: Record<string, unknown>) => candidate.code === "P2028" && typeof candidate.message === "string" && NO_TRANSACTION_IN_TIME.test(candidate.message);
// Driver adapter kinds behind those codes.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: admin/crash shutdown, starting up or shutting down, too many connections, out of resources.
const POSTGRES_CODES = new Set(["57P01", "57P02", "57P03", "53300", "53400"]);
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED"]);
// node-postgres reports these without a code.
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|encountered a connection error and is not queryable|Can't reach database server|the database system is (starting up|shutting down|in recovery)|terminating connection due to administrator command/i;

function looksUnavailable(candidate: Record<string, unknown>): boolean {
  for (const key of ["code", "originalCode"] as const) {
    const code = candidate[key];
    if (typeof code !== "string") continue;
    if (PRISMA_CODES.has(code) || POSTGRES_CODES.has(code) || NODE_CODES.has(code) || code.startsWith("08")) return true;
  }
  if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (transactionNotStarted(candidate)) return true;
  return typeof candidate.message === "string" && MESSAGES.test(candidate.message);
}

/** True when `error` (or anything it wraps) says the database is unreachable, restarting or full. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someInChain(error, looksUnavailable);
}

// The database is there but busy: the pool had no free connection in time, or PostgreSQL has no room
// for another. Signing still answers 503 for it; pages do not all turn to 503 because of it
// (lib/database/outage.ts).
const BUSY_CODES = new Set(["P2024", "P2037", "53300"]);
const looksBusy = (candidate: Record<string, unknown>) =>
  (["code", "originalCode"] as const).some((key) => BUSY_CODES.has(String(candidate[key]))) || candidate.kind === "TooManyConnections" || transactionNotStarted(candidate);

/** True when the database is unavailable because it is busy (no free connection), not away. */
export function isDatabaseBusy(error: unknown): boolean {
  return someInChain(error, looksBusy);
}

/** Whether `test` holds for `error` or anything it wraps (causes, Prisma's adapter error, AggregateError's errors). */
function someInChain(error: unknown, test: (candidate: Record<string, unknown>) => boolean): boolean {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  while (queue.length > 0 && seen.size < 20) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as Record<string, unknown>;
    if (test(candidate)) return true;
    queue.push(candidate.cause);
    const meta = candidate.meta as Record<string, unknown> | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
    if (Array.isArray(candidate.errors)) queue.push(...candidate.errors); // AggregateError (several addresses tried)
  }
  return false;
}

export const UNAVAILABLE_MESSAGE = "The site cannot reach its database just now. Nothing was saved: please try again in a moment.";

/** The answer to give while the database is unavailable: 503, Retry-After, a plain "try again". */
export function unavailableResponse(body = UNAVAILABLE_MESSAGE): Response {
  return new Response(body, {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
