import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isDatabaseBusy, isDatabaseUnavailable, unavailableResponse } from "@/lib/db-unavailable";
import { db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createCampaign } from "@/lib/test/factories";

// Real errors only: from a port where nothing listens, from a connection PostgreSQL terminates, and,
// as the counter-examples, from ordinary failures that must stay 500s (bugs) or domain errors.
async function deadUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `postgresql://nobody:x@127.0.0.1:${port}/none`;
}

const caught = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("isDatabaseUnavailable", () => {
  it("is true for a refused connection, through node-postgres and through Prisma", async () => {
    const url = await deadUrl();
    const client = new pg.Client({ connectionString: url });
    expect(isDatabaseUnavailable(await caught(client.connect()))).toBe(true);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    try {
      expect(isDatabaseUnavailable(await caught(prisma.$queryRaw`SELECT 1`))).toBe(true);
      expect(isDatabaseUnavailable(await caught(prisma.campaign.findFirst()))).toBe(true);
      expect(isDatabaseUnavailable(await caught(prisma.$transaction(async (tx) => tx.campaign.count())))).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("is true when PostgreSQL ends the session (as on shutdown)", async () => {
    const victim = new pg.Client({ connectionString: process.env.DATABASE_URL });
    victim.on("error", () => undefined);
    await victim.connect();
    const { rows } = await victim.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await db().$queryRaw`SELECT pg_terminate_backend(${rows[0]!.pid}::int)`;
    const error = await caught(victim.query("SELECT 1"));
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
    await victim.end().catch(() => undefined);
  });

  it("is true, and busy, when no connection is free in time for a transaction (a rush)", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 1 }) });
    let release = () => undefined as void;
    const held = prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      await new Promise<void>((resolve) => (release = resolve));
    }, { timeout: 10_000 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const error = await caught(prisma.$transaction(async (tx) => tx.$queryRaw`SELECT 1`, { maxWait: 200 }));
      expect((error as { code?: string }).code).toBe("P2028");
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(isDatabaseBusy(error)).toBe(true);
    } finally {
      release();
      await held;
      await prisma.$disconnect();
    }
  });

  it("is false for ordinary failures", async () => {
    const campaign = await createCampaign();
    const duplicate = await caught(db().campaign.create({ data: { ...campaign, id: undefined } }));
    expect((duplicate as { code?: string }).code).toBe("P2002");
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(await caught(db().$queryRawUnsafe("SELECT * FROM no_such_table")))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("while the database is unavailable", () => {
  it("the plain answer is a 503 with Retry-After and no caching", async () => {
    const response = unavailableResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.text()).toMatch(/try again in a moment/);
  });

  it("GET /api/campaigns/[slug] answers 503 with Retry-After, not a 500", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = await deadUrl();
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      vi.resetModules();
      delete (globalThis as { advocateDb?: unknown }).advocateDb;
      const { GET } = await import("@/app/api/campaigns/[slug]/route");
      const response = await GET(new Request("http://localhost/api/campaigns/any"), { params: Promise.resolve({ slug: "any" }) });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(await response.json()).toEqual({ error: "unavailable", retryAfterSeconds: 5 });
    } finally {
      process.env.DATABASE_URL = saved;
      delete (globalThis as { advocateDb?: unknown }).advocateDb;
    }
  });
});
