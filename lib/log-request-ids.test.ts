import { NextRequest, type NextFetchEvent } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { deadPort } from "@/lib/test/ports";
import { resetDatabaseOutage } from "@/lib/database/outage";
import { REQUEST_ID_HEADER } from "@/lib/log";

// Every line logged while handling a request carries that request's id (lib/log.ts), so that an
// operator can follow one request through the log. These are the lines outside server actions.

// The request that next/headers sees; null outside one (then requestLog() falls back to the bare log).
const current = vi.hoisted(() => ({ headers: null as Headers | null }));
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  headers: async () => {
    if (!current.headers) throw new Error("headers() was called outside a request scope");
    return current.headers;
  },
}));
// The flood gate's counter failing for a reason other than the database being down.
const gate = vi.hoisted(() => ({ failure: null as Error | null }));
vi.mock("@/lib/petition/flood-gate", () => ({
  isFlooding: async () => {
    if (gate.failure) throw gate.failure;
    return false;
  },
}));

/** Captures what the logger writes to stderr (warn and error), parsed. */
function captureErrors() {
  const written: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
  return () => written.join("").split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => {
  resetDatabaseOutage(); // the health check below notes the outage it meets
  vi.restoreAllMocks();
  current.headers = null;
  gate.failure = null;
});

const HOST = "localhost:3000";
const event = {} as NextFetchEvent;
const signing = (headers: Record<string, string>) => new NextRequest(`http://${HOST}/en/c/some-campaign`, { method: "POST", headers: { host: HOST, ...headers } });

describe("proxy.ts's log lines", () => {
  it("carry the request id the response echoes, when a cross-site request is refused", async () => {
    const { default: proxy } = await import("@/proxy");
    const lines = captureErrors();
    const response = await proxy(signing({ origin: "https://elsewhere.example" }), event);
    expect(response.status).toBe(403);
    const id = response.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines()).toEqual([expect.objectContaining({ level: "warn", msg: "proxy: refused a cross-site request", requestId: id })]);
  });

  it("carry the caller's well-formed id, and the id reaches a flood-gate failure too", async () => {
    const { default: proxy } = await import("@/proxy");
    gate.failure = new Error("the counter broke");
    const lines = captureErrors();
    const response = await proxy(signing({ origin: `http://${HOST}`, "sec-fetch-site": "same-origin", [REQUEST_ID_HEADER]: "lb-4f2a9c1e-77" }), event);
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe("lb-4f2a9c1e-77");
    expect(lines()).toEqual([expect.objectContaining({ level: "error", msg: "proxy: flood gate failed", requestId: "lb-4f2a9c1e-77" })]);
  });
});

describe("server code's log lines", () => {

  /** Runs `body` against a database that does not answer, with fresh modules (lib/db.ts keeps one client). */
  async function withDatabaseDown(body: () => Promise<void>) {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://nobody:nothing@127.0.0.1:${await deadPort()}/none`;
    vi.resetModules();
    delete (globalThis as { advocateDb?: unknown }).advocateDb;
    try {
      await body();
    } finally {
      process.env.DATABASE_URL = saved;
      delete (globalThis as { advocateDb?: unknown }).advocateDb;
    }
  }

  it("carry the request's id when the health check fails", async () => {
    await withDatabaseDown(async () => {
      const { checkDatabase } = await import("@/lib/health");
      current.headers = new Headers({ [REQUEST_ID_HEADER]: "req-health-0001" });
      const lines = captureErrors();
      expect(await checkDatabase()).toEqual({ ok: false });
      expect(lines()).toEqual([expect.objectContaining({ level: "error", msg: "health: database check failed", requestId: "req-health-0001" })]);
    });
  });

  it("carry the request's id when signing in fails", async () => {
    await withDatabaseDown(async () => {
      const { authOptions } = await import("@/lib/auth/options");
      // CredentialsProvider keeps our authorize() in its options (next-auth/providers/credentials.js).
      const provider = authOptions.providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<unknown> } };
      current.headers = new Headers({ [REQUEST_ID_HEADER]: "req-signin-0001" });
      const lines = captureErrors();
      expect(await provider.options.authorize({ email: "staff@example.org", password: "wrong-password" }, { headers: {} })).toBeNull();
      expect(lines()).toEqual([expect.objectContaining({ level: "error", msg: "auth: sign-in failed", requestId: "req-signin-0001" })]);
    });
  });
});
