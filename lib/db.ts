import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";

// One client per process, created on first use (not at import) so that building needs no database,
// and kept on globalThis so that hot reload in development does not open a new pool each time.
const globalForDb = globalThis as unknown as { advocateDb?: PrismaClient };

export function db(): PrismaClient {
  if (!globalForDb.advocateDb) {
    const env = serverEnv();
    const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_SIZE });
    globalForDb.advocateDb = new PrismaClient({ adapter });
  }
  return globalForDb.advocateDb;
}
