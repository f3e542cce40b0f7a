import { NextRequest, type NextFetchEvent } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { noteIfDatabaseUnavailable, PROBE_INTERVAL_MS, resetDatabaseOutage } from "@/lib/database/outage";

// proxy.ts while the database is away: pages answer 503 "try again" in their language instead of
// rendering into Next's 500 error page, until a probe finds the database back.

const database = vi.hoisted(() => ({ up: false, probes: 0 }));
vi.mock("@/lib/db", () => ({
  db: () => ({
    $queryRaw: async () => {
      database.probes += 1;
      if (!database.up) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
      return [{ "?column?": 1 }];
    },
  }),
}));
vi.mock("@/lib/petition/flood-gate", () => ({ isFlooding: async () => false }));

const HOST = "localhost:3000";
const event = {} as NextFetchEvent;
const get = (path: string) => new NextRequest(`http://${HOST}${path}`, { headers: { host: HOST } });

afterEach(() => {
  resetDatabaseOutage();
  database.up = false;
  database.probes = 0;
});

describe("proxy.ts during a database outage", () => {
  it("lets pages render while no outage is known, without asking the database", async () => {
    const { default: proxy } = await import("@/proxy");
    const response = await proxy(get("/en/c/some-campaign"), event);
    expect(response.status).toBe(200);
    expect(database.probes).toBe(0);
  });

  it("answers pages 503 in their language with Retry-After and a way to try again, then renders once the database is back", async () => {
    const { default: proxy } = await import("@/proxy");
    noteIfDatabaseUnavailable(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }), Date.now() - 60_000);

    const urdu = await proxy(get('/ur/c/some-campaign?x="<b>&y=1'), event);
    expect(urdu.status).toBe(503);
    expect(urdu.headers.get("retry-after")).toBe("5");
    expect(urdu.headers.get("cache-control")).toBe("no-store");
    expect(urdu.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const html = await urdu.text();
    expect(html).toContain('<html lang="ur" dir="rtl">');
    expect(html).toContain("براہِ کرم تھوڑی دیر بعد دوبارہ کوشش کریں");
    expect(html).toContain('href="/ur/c/some-campaign?x=%22%3Cb%3E&amp;y=1"');
    expect(html).not.toMatch(/<script|<b>/);

    const english = await proxy(get("/en/privacy"), event);
    expect(english.status).toBe(503);
    expect(await english.text()).toMatch(/<html lang="en" dir="ltr">[\s\S]*Please try again in a moment/);
    // A form's post: the signing form's plain sentence (nothing was saved).
    const post = await proxy(new NextRequest(`http://${HOST}/en/c/some-campaign`, { method: "POST", headers: { host: HOST, origin: `http://${HOST}`, "sec-fetch-site": "same-origin" } }), event);
    expect(post.status).toBe(503);
    expect(await post.text()).toMatch(/Nothing was saved: please try again in a moment/);
    // The API and the health check answer for themselves.
    expect((await proxy(get("/api/health"), event)).status).toBe(200);

    database.up = true;
    await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS + 100)); // past the last answer's interval
    expect((await proxy(get("/en/privacy"), event)).status).toBe(200);
    expect((await proxy(get("/en/c/some-campaign"), event)).status).toBe(200);
    expect(database.probes).toBeGreaterThanOrEqual(1);
  });
});
