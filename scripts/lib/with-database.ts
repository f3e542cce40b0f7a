import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/database/embedded";

/** Runs `work` against DATABASE_URL, or against the embedded PostgreSQL in DATA_DIR for its duration. */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const external = process.env.DATABASE_URL;
  if (external) return work(external);
  const database = await startEmbeddedPostgres({
    dataDir: path.resolve(process.env.DATA_DIR ?? ".data"),
    log: process.env.DEBUG_POSTGRES ? (line) => console.error(`[postgres] ${line}`) : undefined,
  });
  try {
    return await work(database.url);
  } finally {
    await database.stop();
  }
}
