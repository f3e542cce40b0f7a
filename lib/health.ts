import "server-only";
import { noteDatabaseAvailable, noteIfDatabaseUnavailable } from "@/lib/database/outage";
import { db } from "@/lib/db";
import { requestLog } from "@/lib/log";

const TIMEOUT_MS = 2_000;

/** Whether the database answers a trivial query within a short time. Never throws. */
export async function checkDatabase(): Promise<{ ok: boolean }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("database health check timed out")), TIMEOUT_MS);
    });
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    noteDatabaseAvailable();
    return { ok: true };
  } catch (error) {
    noteIfDatabaseUnavailable(error);
    (await requestLog()).error("health: database check failed", { error });
    return { ok: false };
  } finally {
    clearTimeout(timer);
  }
}
