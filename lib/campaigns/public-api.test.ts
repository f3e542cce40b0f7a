import { describe, expect, it } from "vitest";
import { GET, OPTIONS } from "@/app/api/campaigns/[slug]/route";
import { GET as seriesGET } from "@/app/api/campaigns/[slug]/series/route";
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

describe("GET /api/campaigns/[slug]/series", () => {
  const series = (slug: string, query = "") => seriesGET(new Request(`http://localhost/api/campaigns/${slug}/series${query}`), { params: Promise.resolve({ slug }) });
  const hour = (iso: string) => new Date(iso);

  it("gives the count's changes per hour and per day, with running totals that end at the count", async () => {
    const campaign = await createCampaign();
    // Two earlier hours, as written by confirmations then (one shard each), and changes now.
    await db().signatureHour.createMany({
      data: [
        { campaignId: campaign.id, hour: hour("2026-11-30T09:00:00Z"), shard: 1, change: 3 },
        { campaignId: campaign.id, hour: hour("2026-11-30T09:00:00Z"), shard: 2, change: 2 },
        { campaignId: campaign.id, hour: hour("2026-11-30T17:00:00Z"), shard: 0, change: 4 },
        { campaignId: campaign.id, hour: hour("2026-12-01T08:00:00Z"), shard: 3, change: -1 },
      ],
    });
    await db().$transaction((tx) => adjustCount(tx, campaign.id, "PAK", 1));
    await db().$transaction((tx) => adjustCount(tx, campaign.id, "PAK", 1));
    await db().$transaction((tx) => adjustCount(tx, campaign.id, "PAK", -1));

    const response = await series(campaign.slug, "?interval=hour");
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    const byHour = (await response.json()) as { slug: string; interval: string; points: { start: string; change: number; total: number }[] };
    expect(byHour.slug).toBe(campaign.slug);
    expect(byHour.interval).toBe("hour");
    expect(byHour.points.slice(0, 3)).toEqual([
      { start: "2026-11-30T09:00:00.000Z", change: 5, total: 5 },
      { start: "2026-11-30T17:00:00.000Z", change: 4, total: 9 },
      { start: "2026-12-01T08:00:00.000Z", change: -1, total: 8 },
    ]);
    expect(byHour.points[3]).toMatchObject({ change: 1, total: 9 });
    expect(byHour.points).toHaveLength(4);

    const byDay = (await (await series(campaign.slug)).json()) as typeof byHour;
    expect(byDay.interval).toBe("day");
    expect(byDay.points.slice(0, 2)).toEqual([
      { start: "2026-11-30T00:00:00.000Z", change: 9, total: 9 },
      { start: "2026-12-01T00:00:00.000Z", change: -1, total: 8 },
    ]);
  });

  it("merges past hours' shards and books a correction of the count in the current hour, so the totals end at the count", async () => {
    const campaign = await createCampaign();
    await db().signatureHour.createMany({
      data: [1, 2, 3].map((shard) => ({ campaignId: campaign.id, hour: hour("2026-11-30T09:00:00Z"), shard, change: 1 })),
    });
    // The rows say 3; the signatures say 2 (made without counting): reconciliation corrects the count by -1.
    await db().signature.createMany({
      data: [1, 2].map((n) => ({ campaignId: campaign.id, fullName: "S", email: `series-${campaign.id}-${n}@example.org`, emailCanonical: `series-${campaign.id}-${n}@example.org`, country: "PAK", status: "CONFIRMED" as const, confirmedAt: new Date() })),
    });
    await db().signatureCount.create({ data: { campaignId: campaign.id, country: "PAK", shard: 0, confirmed: 3 } });
    await reconcileCounts([campaign.id]);
    expect(await db().signatureHour.count({ where: { campaignId: campaign.id, hour: hour("2026-11-30T09:00:00Z") } })).toBe(1);
    const points = ((await (await series(campaign.slug, "?interval=hour")).json()) as { points: { change: number; total: number }[] }).points;
    expect(points.map((point) => point.change)).toEqual([3, -1]);
    expect(points.at(-1)!.total).toBe(2);
  });

  it("refuses an unknown interval and does not show drafts", async () => {
    const campaign = await createCampaign();
    const bad = await series(campaign.slug, "?interval=minute");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'interval must be "hour" or "day"' });
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await series(draft.slug)).status).toBe(404);
  });
});
