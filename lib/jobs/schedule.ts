import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { purgeOutbox } from "@/lib/email/queue";
import { reconcileCounts } from "@/lib/petition/counts";
import { anonymiseExpiredCampaigns } from "@/lib/privacy/retention";
import { queuePendingUpdates } from "@/lib/updates/service";

// Periodic jobs of a server process: count reconciliation, retention, and putting campaign updates in
// the mail queue a batch at a time (every few seconds, for at most two seconds of work). Each is safe to run in
// several app instances at once (the reconciliation takes a table lock; retention only changes rows
// not yet anonymised), and a failure is logged and retried at the next tick.

const DEFAULT_RECONCILE_SECONDS = 300;
const RETENTION_EVERY_MS = 6 * 60 * 60 * 1000;
const UPDATES_EVERY_MS = 5_000;

let started = false;

/** RECONCILE_INTERVAL_SECONDS: a positive number of seconds (default 300). A bad value stops the server at start (lib/server-start.ts). */
export function reconcileIntervalSeconds(env: Record<string, string | undefined> = process.env): number {
  const raw = env.RECONCILE_INTERVAL_SECONDS?.trim();
  if (!raw) return DEFAULT_RECONCILE_SECONDS;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`RECONCILE_INTERVAL_SECONDS must be a number of seconds above 0; got "${raw}".`);
  return seconds;
}

export function startScheduledJobs(): void {
  if (started || process.env.SCHEDULED_JOBS === "off") return;
  started = true;
  setInterval(() => void reconcile(), reconcileIntervalSeconds() * 1000).unref();
  // Retention: soon after start, then every six hours (idempotent; several instances may race harmlessly).
  setTimeout(() => void retention(), 60_000).unref();
  setInterval(() => void retention(), RETENTION_EVERY_MS).unref();
  setInterval(() => void updates(), UPDATES_EVERY_MS).unref();
}

let queueing = false;

async function updates(): Promise<void> {
  if (queueing) return; // the last tick is still at work
  queueing = true;
  try {
    await queuePendingUpdates();
  } catch (error) {
    log.error("jobs: queueing campaign updates failed", { error });
  } finally {
    queueing = false;
  }
}

async function retention(): Promise<void> {
  try {
    const report = await anonymiseExpiredCampaigns(db());
    if (report.length) log.warn("jobs: retention anonymised", { report });
    const purged = await purgeOutbox();
    if (purged) log.info("jobs: old mail records removed", { purged });
  } catch (error) {
    log.error("jobs: retention failed", { error });
  }
}

async function reconcile(): Promise<void> {
  try {
    const report = await reconcileCounts();
    const drifted = report.filter((row) => row.before !== row.after);
    if (drifted.length) log.warn("jobs: counts reconciled", { drifted });
  } catch (error) {
    log.error("jobs: count reconciliation failed", { error });
  }
}
