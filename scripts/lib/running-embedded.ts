import { readFileSync } from "node:fs";
import path from "node:path";
import { DATABASE_NAME } from "../../lib/database/embedded";
import { POSTGRES_USER } from "../../lib/database/embedded-data-dir";

/**
 * The URL of the embedded PostgreSQL already running on `dataDir` (`npm start` is serving), or null.
 * Read from its postmaster.pid (PID on line 1, port on line 4) and the password file, so that a
 * backup can be taken while the app runs instead of failing on the data directory's lock.
 */
export function runningEmbeddedUrl(dataDir: string): string | null {
  let lines: string[];
  try {
    lines = readFileSync(path.join(dataDir, "postgres", "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return null; // a stale file from a killed server
  }
  const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  return `postgresql://${POSTGRES_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
}
