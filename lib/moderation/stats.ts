import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { type SignatureStatus, zeroCounts as emptyCounts } from "@/lib/petition/states";

/** Signatures per state, keyed in the order pages list them (lib/petition/states.ts). */
export type StatusCounts = Record<SignatureStatus, number>;

/** Signatures by campaign and status (an index-only scan on (campaignId, status, id)). */
export async function statusCountsByCampaign(): Promise<{ id: number; title: string; slug: string; locale: string; counts: StatusCounts }[]> {
  const [campaigns, rows] = await Promise.all([
    db().campaign.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, title: true, slug: true, locale: true } }),
    db().signature.groupBy({ by: ["campaignId", "status"], _count: { _all: true } }),
  ]);
  return campaigns.map((campaign) => {
    const counts = emptyCounts();
    for (const row of rows) if (row.campaignId === campaign.id) counts[row.status] = row._count._all;
    return { ...campaign, counts };
  });
}

export function totalCounts(perCampaign: { counts: StatusCounts }[]): StatusCounts {
  const total = emptyCounts();
  for (const { counts } of perCampaign) for (const key of Object.keys(total) as (keyof StatusCounts)[]) total[key] += counts[key];
  return total;
}

/** Share of signatures made in the period that have been confirmed (pending ones may still be). */
export function confirmationRate(counts: StatusCounts): number | null {
  const decided = counts.CONFIRMED + counts.PENDING;
  return decided === 0 ? null : counts.CONFIRMED / decided;
}

/** Signatures made and confirmed per day over the last `days` days (UTC), oldest first, gaps filled. */
export async function signaturesPerDay(days = 30, campaignId?: number): Promise<{ day: string; signed: number; confirmed: number }[]> {
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const rows = await db().$queryRaw<{ day: string; signed: number; confirmed: number }[]>`
    SELECT to_char(date_trunc('day', "createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day,
      count(*)::int AS signed, count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed
    FROM "Signature" WHERE "createdAt" >= ${since} ${campaignId ? Prisma.sql`AND "campaignId" = ${campaignId}` : Prisma.empty}
    GROUP BY 1 ORDER BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(since.getTime() + index * 86_400_000).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, signed: 0, confirmed: 0 };
  });
}
