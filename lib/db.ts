import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";

// One client per process, created on first use (not at import) so that building needs no database,
// and kept on globalThis so that hot reload in development does not open a new pool each time.
const globalForDb = globalThis as unknown as { advocateDb?: PrismaClient };

/**
 * Pool settings for every pg pool of the app. A connection that dies (the database restarts) is
 * dropped by the pool and the next query opens a new one, so the app recovers by itself; while the
 * database is away, connecting fails at once (refused) or after CONNECT_TIMEOUT_MS (unreachable host),
 * never hanging a request (docs/decisions/013).
 */
export const POOL_DEFAULTS = { connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000, keepAlive: true } as const;

export function db(): PrismaClient {
  if (!globalForDb.advocateDb) {
    const env = serverEnv();
    const adapter = new PrismaPg(
      { connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE, ...POOL_DEFAULTS },
      {
        onPoolError: (error) => log.warn("db: idle connection lost", { error }),
        onConnectionError: (error) => log.warn("db: connection lost", { error }),
      },
    );
    // "minimal": Prisma's default messages quote the query's arguments (names, emails) into errors.
    globalForDb.advocateDb = new PrismaClient({ adapter, errorFormat: "minimal" });
  }
  return globalForDb.advocateDb;
}
