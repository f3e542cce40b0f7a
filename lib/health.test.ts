import { describe, expect, it, vi } from "vitest";
import { deadPort } from "@/lib/test/ports";

// The health route against the real test database, then against a port where nothing listens.

async function freshRoute() {
  vi.resetModules();
  delete (globalThis as { advocateDb?: unknown }).advocateDb;
  return import("@/app/api/health/route");
}

describe("GET /api/health", () => {
  it("answers 200 when the database answers", async () => {
    const { GET } = await freshRoute();
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers 503 when it does not", async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://nobody:hunter2-db-password@127.0.0.1:${await deadPort()}/none`;
    const written: string[] = [];
    const errors = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    try {
      const { GET } = await freshRoute();
      const started = Date.now();
      const response = await GET();
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("retry-after")).toBe("5");
      // Logged as one JSON line, without the database password.
      const entry = JSON.parse(written.join("").split("\n").find((line) => line.includes("health"))!);
      expect(entry).toMatchObject({ level: "error", msg: "health: database check failed" });
      expect(written.join("")).not.toContain("hunter2-db-password");
    } finally {
      process.env.DATABASE_URL = saved;
      errors.mockRestore();
    }
  });
});
