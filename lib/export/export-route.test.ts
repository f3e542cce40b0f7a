import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { exportApplicationName } from "@/lib/export/signatures";
import { createCampaign, createSignatures, createStaff } from "@/lib/test/factories";
import { GET } from "@/app/[locale]/admin/(staff)/signatures/export/route";

// The route as Next calls it, with the session cookie stood in for. Refusals surface as the errors
// Next turns into a redirect or a 403; the file itself is checked in lib/export/signatures.test.ts.
const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
// The language proxy.ts gives every request; outside Next there is none.
vi.mock("next-intl/server", async (original) => ({ ...(await original<object>()), getLocale: async () => "en" }));

beforeAll(() => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
});

const request = (query: string, signal?: AbortSignal) => new NextRequest(`http://admin.test/admin/signatures/export?${query}`, { signal });
const digestOf = (call: () => Promise<unknown>) => call().then(() => "allowed", (error: unknown) => String((error as { digest?: string }).digest));

async function connections(actorId: number): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${exportApplicationName(actorId)}`;
    if (row!.n === 0 || attempt >= 40) return row!.n;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("GET /admin/signatures/export", () => {
  it("sends anonymous callers to the login page and refuses moderators, without auditing", async () => {
    session.current = null;
    expect(await digestOf(() => GET(request("")))).toMatch(/^NEXT_REDIRECT;.*\/admin\/login/);
    const moderator = await createStaff("MODERATOR");
    session.current = { user: { id: String(moderator.id) } };
    expect(await digestOf(() => GET(request("")))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(await db().auditEntry.count({ where: { actorId: moderator.id } })).toBe(0);
  });

  it("streams the filtered CSV to an admin as a download, audited", async () => {
    const [campaign, admin] = await Promise.all([createCampaign(), createStaff("ADMIN")]);
    await createSignatures(campaign.id, [{ status: "SPAM", fullName: "=cmd" }, { status: "CONFIRMED" }, { status: "SPAM" }]);
    session.current = { user: { id: String(admin.id) } };

    const response = await GET(request(`campaign=${campaign.id}&status=SPAM&country=not-a-country`));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="signatures-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = Buffer.from(await response.arrayBuffer()); // text() would drop the BOM
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
    expect(lines[0]).toBe("id,campaign,full_name,email,country,comment,show_name,may_contact,status,reason_code,status_reason,locale,utm_source,created_at,confirmed_at");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(",'=cmd,");
    expect(lines.slice(1).every((line) => line.includes(",SPAM,"))).toBe(true);
    // The invalid country is dropped, not guessed: the audit records the filter that was applied.
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "export.csv", actorId: admin.id } });
    expect(entry).toMatchObject({ count: 2, campaignId: campaign.id, filter: { campaign: campaign.id, status: "SPAM" } });
    expect(await connections(admin.id)).toBe(0);
  });

  it("closes the database connection when the browser goes away or the body is cancelled", async () => {
    const [campaign, admin] = await Promise.all([createCampaign(), createStaff("ADMIN")]);
    await db().signature.createMany({
      data: Array.from({ length: 3_000 }, (_, i) => ({ campaignId: campaign.id, fullName: `Signer ${i}`, email: `r${i}@example.org`, emailCanonical: `r${i}@example.org`, country: "PAK" })),
    });
    session.current = { user: { id: String(admin.id) } };

    const abort = new AbortController();
    const aborted = await GET(request(`campaign=${campaign.id}`, abort.signal));
    const reader = aborted.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    abort.abort();
    expect(await connections(admin.id)).toBe(0);

    const cancelled = await GET(request(`campaign=${campaign.id}`));
    const second = cancelled.body!.getReader();
    expect((await second.read()).done).toBe(false);
    await second.cancel();
    expect(await connections(admin.id)).toBe(0);
    // Both downloads were recorded although neither finished.
    expect(await db().auditEntry.count({ where: { action: "export.csv", actorId: admin.id, count: 3_000 } })).toBe(2);
  });
});
