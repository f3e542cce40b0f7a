import { describe, expect, it } from "vitest";
import { GET, OPTIONS } from "@/app/api/campaigns/[slug]/route";
import { db } from "@/lib/db";
import { adjustCount, reconcileCounts } from "@/lib/petition/counts";
import { createCampaign, createSignatures } from "@/lib/test/factories";

const call = (slug: string) => GET(new Request(`http://localhost/api/campaigns/${slug}`), { params: Promise.resolve({ slug }) });

describe("GET /api/campaigns/[slug]", () => {
  it("gives the count, the goal and counts by country with small counts hidden, cacheable and open to all sites", async () => {
    const campaign = await createCampaign({ goal: 500 });
    await createSignatures(campaign.id, [
      ...Array.from({ length: 6 }, () => ({ status: "CONFIRMED" as const, country: "PAK" })),
      ...Array.from({ length: 4 }, () => ({ status: "CONFIRMED" as const, country: "NOR" })),
      { status: "PENDING" as const, country: "GBR" },
    ]);
    const response = await call(campaign.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    expect(response.headers.get("cache-control")).toMatch(/stale-while-revalidate=\d+/);
    const body = await response.json();
    expect(body).toEqual({
      slug: campaign.slug,
      title: campaign.title,
      status: "OPEN",
      goal: 500,
      confirmed: 10,
      byCountry: [
        { country: "PAK", signatures: 6 },
        { country: "NOR", signatures: "<5" },
      ],
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
  });

  it("gives as updatedAt when the figures last changed, not the time of the request", async () => {
    const campaign = await createCampaign({ goal: 500 });
    await createSignatures(campaign.id, Array.from({ length: 6 }, () => ({ status: "CONFIRMED" as const, country: "PAK" })));
    const changed = new Date("2026-03-04T05:06:07.000Z");
    await db().$executeRaw`UPDATE "Campaign" SET "updatedAt" = ${new Date("2026-01-01T00:00:00.000Z")} WHERE id = ${campaign.id}`;
    await db().$executeRaw`UPDATE "SignatureCount" SET "updatedAt" = ${changed} WHERE "campaignId" = ${campaign.id}`;
    const updatedAt = async () => ((await (await call(campaign.slug)).json()) as { updatedAt: string }).updatedAt;
    expect(await updatedAt()).toBe(changed.toISOString());

    // Reconciling a count that has not moved keeps the time; a count that moves brings it to now.
    await reconcileCounts([campaign.id]);
    expect(await updatedAt()).toBe(changed.toISOString());
    const before = Date.now();
    await db().$transaction((tx) => adjustCount(tx, campaign.id, "NOR", 1));
    const moved = Date.parse(await updatedAt());
    expect(moved).toBeGreaterThanOrEqual(before - 1_000); // the database's clock, not ours
    expect(moved).toBeLessThanOrEqual(Date.now() + 1_000);

    // An edit of the campaign itself (its title, its status) counts as a change too.
    const edited = new Date(moved + 60_000);
    await db().$executeRaw`UPDATE "Campaign" SET "updatedAt" = ${edited} WHERE id = ${campaign.id}`;
    expect(await updatedAt()).toBe(edited.toISOString());
  });

  it("counts the withdrawal of a country's last signature as a change, and reconciliation keeps it", async () => {
    const campaign = await createCampaign();
    await createSignatures(campaign.id, [...Array.from({ length: 6 }, () => ({ status: "CONFIRMED" as const, country: "PAK" })), { status: "CONFIRMED" as const, country: "NOR" }]);
    const earlier = new Date("2026-03-04T05:06:07.000Z");
    await db().$executeRaw`UPDATE "Campaign" SET "updatedAt" = ${new Date("2026-01-01T00:00:00.000Z")} WHERE id = ${campaign.id}`;
    await db().$executeRaw`UPDATE "SignatureCount" SET "updatedAt" = ${earlier} WHERE "campaignId" = ${campaign.id}`;
    const read = async () => (await (await call(campaign.slug)).json()) as { byCountry: unknown[]; updatedAt: string };
    expect((await read()).updatedAt).toBe(earlier.toISOString());

    const before = Date.now();
    // As withdrawing does: the signature's status and the count in one transaction.
    await db().$transaction(async (tx) => {
      await tx.signature.updateMany({ where: { campaignId: campaign.id, country: "NOR" }, data: { status: "WITHDRAWN" } });
      await adjustCount(tx, campaign.id, "NOR", -1);
    });
    const after = await read();
    expect(after.byCountry).toEqual([{ country: "PAK", signatures: 6 }]);
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(before - 1_000);
    await reconcileCounts([campaign.id]);
    expect((await read()).updatedAt).toBe(after.updatedAt);
  });

  it("counts a deadline that has passed as a change (the status turned CLOSED then)", async () => {
    const deadline = new Date(Date.now() - 3_600_000);
    const campaign = await createCampaign({ deadline });
    await db().$executeRaw`UPDATE "Campaign" SET "updatedAt" = ${new Date(deadline.getTime() - 86_400_000)} WHERE id = ${campaign.id}`;
    const body = await (await call(campaign.slug)).json();
    expect(body).toMatchObject({ status: "CLOSED", updatedAt: deadline.toISOString() });
  });

  it("answers 404 for drafts and unknown campaigns, and preflight requests", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await call(draft.slug)).status).toBe(404);
    expect((await call("no-such-campaign")).status).toBe(404);
    expect(OPTIONS().status).toBe(204);
  });
});
