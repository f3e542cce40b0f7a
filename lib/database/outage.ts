import "server-only";
import { db } from "@/lib/db";
import { isDatabaseBusy, isDatabaseUnavailable } from "@/lib/db-unavailable";

// Pages while the database is away (docs/decisions/013). Next.js gives a page that cannot read the
// database its error page with status 500; once an outage is known, proxy.ts answers page requests
// 503 "try again" before they render, until the database answers again.
//
// Known: a request failed because the database was away (instrumentation.ts onRequestError, the
// flood gate, the health check, the public API); a busy database (no free connection) is not an
// outage, and pages keep trying to render. From then on, page requests share one probe (SELECT 1, at
// most one in flight, its answer reused for PROBE_INTERVAL_MS, bounded by PROBE_TIMEOUT_MS, the health
// check's own limit); the first probe that succeeds, or a health check that does, ends the outage.
// Pages come back within about an interval (at most a probe's timeout) of the database. Without a
// known outage nothing is probed: a healthy site pays one comparison per request. Every page under a
// language answers 503 meanwhile, including the few that need no database (the site's share image,
// the developer outbox): simpler than listing them, and the site is unusable anyway.
//
// The state is on globalThis: proxy.ts and the pages are separate bundles in one server process.

export const PROBE_INTERVAL_MS = 500;
export const PROBE_TIMEOUT_MS = 2_000;

type Outage = { since: number | null; checked: { at: number; down: boolean } | null; probing: Promise<boolean> | null };
const shared = globalThis as unknown as { advocateDatabaseOutage?: Outage };
const outage = (): Outage => (shared.advocateDatabaseOutage ??= { since: null, checked: null, probing: null });

/**
 * Whether `error` says the database is unavailable (to answer 503); when it is away rather than
 * busy, records the outage for the pages.
 */
export function noteIfDatabaseUnavailable(error: unknown, now = Date.now()): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  if (isDatabaseBusy(error)) return true;
  const state = outage();
  state.since ??= now;
  state.checked = { at: now, down: true };
  return true;
}

/** The database answered (the health check): any outage is over. */
export function noteDatabaseAvailable(now = Date.now()): void {
  const state = outage();
  state.since = null;
  state.checked = { at: now, down: false };
}

/** When the current outage was first seen, or null when none is known. */
export function databaseOutageSince(): number | null {
  return outage().since;
}

class ProbeTimeout extends Error {}

/**
 * False when no outage is known. Otherwise whether the database is still away: `probe` (a trivial
 * query) is run at most once per PROBE_INTERVAL_MS, shared by concurrent callers. A probe that fails
 * for another reason than unavailability ends the outage (a bug is not an outage, and must not keep
 * the site answering 503).
 */
export async function databaseStillDown(probe: () => Promise<unknown> = probeDatabase, now = Date.now()): Promise<boolean> {
  const state = outage();
  if (state.since === null) return false;
  if (state.checked && now - state.checked.at < PROBE_INTERVAL_MS) return state.checked.down;
  state.probing ??= probeOnce(state, probe).finally(() => {
    // After the assignment above even when the probe settled at once (a probe that throws synchronously).
    state.probing = null;
  });
  return state.probing;
}

async function probeOnce(state: Outage, probe: () => Promise<unknown>): Promise<boolean> {
  await null; // the probe runs after `probing` is set, so concurrent callers share it
  let timer: NodeJS.Timeout | undefined;
  let down: boolean;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new ProbeTimeout()), PROBE_TIMEOUT_MS)))]);
    down = false;
  } catch (error) {
    down = error instanceof ProbeTimeout || (isDatabaseUnavailable(error) && !isDatabaseBusy(error));
  } finally {
    clearTimeout(timer);
  }
  state.checked = { at: Date.now(), down };
  if (!down) state.since = null;
  return down;
}

/** For tests: forget any outage. */
export function resetDatabaseOutage(): void {
  shared.advocateDatabaseOutage = { since: null, checked: null, probing: null };
}

/** The probe: the cheapest query there is, through the app's own client. */
function probeDatabase(): Promise<unknown> {
  return db().$queryRaw`SELECT 1`;
}
