// Vitest global setup: one real PostgreSQL for the whole run (never a mock), in a fresh directory that
// is removed afterwards. Tests read its URL from `inject("databaseUrl")` or process.env.DATABASE_URL.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../database/embedded";
import { applyMigrations } from "../database/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-test-"));
  chmodSync(dataDir, 0o755); // mkdtemp makes it 0700; PostgreSQL runs as another user when we are root
  let stop: (() => Promise<void>) | undefined;
  try {
    const database = await startEmbeddedPostgres({
      dataDir,
      log: process.env.DEBUG_POSTGRES ? (line) => console.error(`[postgres] ${line}`) : undefined,
    });
    stop = database.stop;
    await applyMigrations(database.url);
    project.provide("databaseUrl", database.url);
    process.env.DATABASE_URL = database.url; // inherited by the test forks
  } catch (error) {
    await stop?.();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return async () => {
    await stop?.();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
