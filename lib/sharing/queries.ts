import "server-only";
import { db } from "@/lib/db";

// Reach: which channels and which people brought signatures. Counted over signatures that count
// (CONFIRMED) beside all that arrived, so a channel full of unconfirmed or quarantined rows stands out.

export type SourceRow = { source: string | null; signatures: number; confirmed: number };
export type ReferrerRow = { id: number; fullName: string; country: string; signatures: number; confirmed: number };
export type CampaignReach = { sources: SourceRow[]; referrers: ReferrerRow[]; referred: { signatures: number; confirmed: number } };

/** For staff only: the caller checks the role (the referrers' names are personal data). */
export async function campaignReach(campaignId: number, limit = 20): Promise<CampaignReach> {
  const [sources, referrers, [referred]] = await Promise.all([
    db().$queryRaw<{ source: string | null; signatures: bigint; confirmed: bigint }[]>`
      SELECT "utmSource" AS source, count(*) AS signatures, count(*) FILTER (WHERE status = 'CONFIRMED') AS confirmed
      FROM "Signature" WHERE "campaignId" = ${campaignId}
      GROUP BY "utmSource" ORDER BY confirmed DESC, signatures DESC, source NULLS FIRST LIMIT ${limit}`,
    db().$queryRaw<{ id: number; fullName: string; country: string; signatures: bigint; confirmed: bigint }[]>`
      SELECT r.id, r."fullName", r.country, count(*) AS signatures, count(*) FILTER (WHERE s.status = 'CONFIRMED') AS confirmed
      FROM "Signature" s JOIN "Signature" r ON r.id = s."referredById"
      WHERE s."campaignId" = ${campaignId}
      GROUP BY r.id ORDER BY confirmed DESC, signatures DESC, r.id LIMIT ${limit}`,
    db().$queryRaw<{ signatures: bigint; confirmed: bigint }[]>`
      SELECT count(*) AS signatures, count(*) FILTER (WHERE status = 'CONFIRMED') AS confirmed
      FROM "Signature" WHERE "campaignId" = ${campaignId} AND "referredById" IS NOT NULL`,
  ]);
  return {
    sources: sources.map((row) => ({ source: row.source, signatures: Number(row.signatures), confirmed: Number(row.confirmed) })),
    referrers: referrers.map((row) => ({ ...row, signatures: Number(row.signatures), confirmed: Number(row.confirmed) })),
    referred: { signatures: Number(referred?.signatures ?? 0), confirmed: Number(referred?.confirmed ?? 0) },
  };
}

/** How many signatures that count came through one signer's personal link. */
export async function confirmedReferrals(signatureId: number): Promise<number> {
  return db().signature.count({ where: { referredById: signatureId, status: "CONFIRMED" } });
}
