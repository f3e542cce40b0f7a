// A fresh world for one benchmark run: a temporary DATA_DIR holding a new embedded PostgreSQL, the
// migrations, the seed campaign and one admin account. Removed again at cleanup.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAccountWithUrl } from "../../lib/accounts/service";
import { startEmbeddedPostgres } from "../../lib/database/embedded";
import { applyMigrations } from "../../lib/database/migrations";
import { seed } from "../../lib/database/seed";
import pg from "pg";
import { authSecret } from "../../scripts/lib/secrets";
import { onCleanup } from "./cleanup";

export type BenchEnvironment = {
  dataDir: string;
  databaseUrl: string;
  authSecret: string;
  admin: { email: string; password: string };
  slug: string;
};

export const SEED_SLUG = "pakistan-un-human-rights-defenders-2015";

export async function createEnvironment(log: (line: string) => void): Promise<BenchEnvironment> {
  // Under the system's temporary directory: as root, PostgreSQL runs as `postgres`, which must be able
  // to enter every parent directory (/root is not traversable).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-bench-"));
  chmodSync(dataDir, 0o711); // mkdtemp makes it 700; others may enter but not list it
  onCleanup(`removing ${dataDir}`, () => rmSync(dataDir, { recursive: true, force: true }));

  log(`data directory ${dataDir}`);
  const database = await startEmbeddedPostgres({ dataDir });
  onCleanup("stopping PostgreSQL", database.stop);
  await applyMigrations(database.url);
  await seed(database.url);

  const admin = { email: "bench-admin@example.org", password: randomBytes(12).toString("base64url") };
  await createAccountWithUrl(database.url, { email: admin.email, name: "Benchmark", role: "ADMIN", password: admin.password });
  return { dataDir, databaseUrl: database.url, authSecret: authSecret(dataDir), admin, slug: SEED_SLUG };
}

/** The benchmark's own connections, for setting up and checking; closed at cleanup. */
export function benchPool(environment: BenchEnvironment): pg.Pool {
  const pool = new pg.Pool({ connectionString: environment.databaseUrl, max: 4 });
  // pool.end() resolves before its idle connections have closed; when PostgreSQL then shuts down they
  // get "terminating connection", which without a listener would crash the process during cleanup.
  pool.on("error", () => undefined);
  onCleanup("closing the benchmark's database pool", () => pool.end());
  return pool;
}
