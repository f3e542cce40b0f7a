import "server-only";
import { reconcileCounts } from "@/lib/petition/counts";

// Periodic jobs of a server process. Each is safe to run in several app instances at once (the
// reconciliation takes a table lock), and a failure is logged and retried at the next tick.

const DEFAULT_RECONCILE_SECONDS = 300;

let started = false;

export function startScheduledJobs(): void {
  if (started || process.env.SCHEDULED_JOBS === "off") return;
  started = true;
  const seconds = Number(process.env.RECONCILE_INTERVAL_SECONDS ?? DEFAULT_RECONCILE_SECONDS);
  if (!Number.isFinite(seconds) || seconds <= 0) return;
  const timer = setInterval(() => void reconcile(), seconds * 1000);
  timer.unref();
}

async function reconcile(): Promise<void> {
  try {
    const report = await reconcileCounts();
    const drifted = report.filter((row) => row.before !== row.after);
    if (drifted.length) console.warn("jobs: counts reconciled:", JSON.stringify(drifted));
  } catch (error) {
    console.error("jobs: count reconciliation failed:", error instanceof Error ? error.message : error);
  }
}
