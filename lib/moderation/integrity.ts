import "server-only";
import { db } from "@/lib/db";

// Integrity tools: where a campaign's signatures came from in bursts. Addresses are only ever seen
// as keyed hashes; the admin acts on them through the signature filter (bulk moderation with preview).

export type VolumeRow = { hour: Date; key: string; signatures: number; counted: number };

/** Client addresses (hashed) with at least `min` signatures in one hour, over the last `hours` hours. */
export async function busyAddresses(campaignId: number, options: { hours?: number; min?: number } = {}): Promise<VolumeRow[]> {
  const since = new Date(Date.now() - (options.hours ?? 48) * 3_600_000);
  return db().$queryRaw<VolumeRow[]>`
    SELECT date_trunc('hour', "createdAt") AS hour, "clientHash" AS key, count(*)::int AS signatures,
      count(*) FILTER (WHERE status = 'CONFIRMED')::int AS counted
    FROM "Signature" WHERE "campaignId" = ${campaignId} AND "createdAt" >= ${since} AND "clientHash" IS NOT NULL
    GROUP BY 1, 2 HAVING count(*) >= ${options.min ?? 5} ORDER BY signatures DESC, hour DESC LIMIT 50`;
}

/** Email domains with at least `min` signatures in one hour, over the last `hours` hours. */
export async function busyDomains(campaignId: number, options: { hours?: number; min?: number } = {}): Promise<VolumeRow[]> {
  const since = new Date(Date.now() - (options.hours ?? 48) * 3_600_000);
  return db().$queryRaw<VolumeRow[]>`
    SELECT date_trunc('hour', "createdAt") AS hour, split_part("emailCanonical", '@', 2) AS key, count(*)::int AS signatures,
      count(*) FILTER (WHERE status = 'CONFIRMED')::int AS counted
    FROM "Signature" WHERE "campaignId" = ${campaignId} AND "createdAt" >= ${since} AND "anonymisedAt" IS NULL
    GROUP BY 1, 2 HAVING count(*) >= ${options.min ?? 20} ORDER BY signatures DESC, hour DESC LIMIT 50`;
}
