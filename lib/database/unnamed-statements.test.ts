import type { Pool, QueryConfig } from "pg";
import { RateLimiterPostgres } from "rate-limiter-flexible";
import { describe, expect, it } from "vitest";
import { unnamedStatements } from "./unnamed-statements";

describe("unnamedStatements", () => {
  it("passes rate-limiter-flexible's queries on without their statement names (PgBouncer in transaction pooling)", async () => {
    const seen: QueryConfig[] = [];
    const pool = {
      query: async (config: QueryConfig) => {
        seen.push(config);
        return { rows: [{ points: 1, expire: Date.now() + 60_000 }], rowCount: 1 };
      },
    } as unknown as Pool;
    const limiter = new RateLimiterPostgres({ storeClient: unnamedStatements(pool), storeType: "pool", tableName: "RateLimit", tableCreated: true, keyPrefix: "test", points: 5, duration: 60 });
    const result = await limiter.consume("key");
    expect(result.consumedPoints).toBe(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.text).toMatch(/INSERT INTO "RateLimit"/);
    expect(seen[0]!.values?.[0]).toBe("test:key");
    expect(seen[0]).not.toHaveProperty("name");
  });
});
