import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Confirmed signatures are counted in SignatureCount rows per (campaign, country, shard). A change of
// status adds +1/-1 to a random shard in the same transaction as the change, so concurrent
// confirmations rarely wait on the same row, and reading the count sums a bounded number of rows
// (countries x shards), never the signatures. `reconcileCounts` rebuilds the rows from the signatures.
// See docs/decisions/007-sharded-counts.md.

export const SHARDS = 16;
/** The hourly series (SignatureHour) is sharded less: reconciliation merges the shards of past hours. */
export const HOUR_SHARDS = 4;

type Tx = Prisma.TransactionClient;

/** Adds `delta` confirmed signatures for a campaign and country. Call inside the changing transaction. */
export async function adjustCount(tx: Tx, campaignId: number, country: string, delta: number): Promise<void> {
  if (delta === 0) return;
  await tx.$executeRaw`
    INSERT INTO "SignatureCount" ("campaignId", "country", "shard", "confirmed", "updatedAt")
    VALUES (${campaignId}, ${country}, ${randomInt(SHARDS)}, ${delta}, ${UTC_NOW})
    ON CONFLICT ("campaignId", "country", "shard")
    DO UPDATE SET "confirmed" = "SignatureCount"."confirmed" + EXCLUDED."confirmed", "updatedAt" = EXCLUDED."updatedAt"`;
  await addToHour(tx, campaignId, randomInt(HOUR_SHARDS), delta);
}

/** Books a change of the count in the current hour (SignatureHour). */
async function addToHour(tx: Tx, campaignId: number, shard: number, delta: number): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "SignatureHour" ("campaignId", "hour", "shard", "change")
    VALUES (${campaignId}, date_trunc('hour', ${UTC_NOW}), ${shard}, ${delta})
    ON CONFLICT ("campaignId", "hour", "shard") DO UPDATE SET "change" = "SignatureHour"."change" + EXCLUDED."change"`;
}

// Prisma's DateTime columns are `timestamp without time zone` holding UTC; PostgreSQL's now() is in
// the session's zone (the server's, for the embedded database), so SQL written here says UTC itself.
const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** The number of confirmed signatures of a campaign. */
export async function confirmedCount(campaignId: number): Promise<number> {
  const result = await db().signatureCount.aggregate({ where: { campaignId }, _sum: { confirmed: true } });
  return result._sum.confirmed ?? 0;
}

/** Confirmed signatures by signers' country, largest first. */
export async function confirmedByCountry(campaignId: number): Promise<{ country: string; confirmed: number }[]> {
  return (await countsByCountry(campaignId)).rows;
}

/**
 * Confirmed signatures by signers' country, largest first, their total (the sum of the same rows, so
 * the two always agree), and when any of them last changed (null before the first): a country whose
 * count fell to 0 is not listed, but its change counts.
 */
export async function countsByCountry(campaignId: number): Promise<{ rows: { country: string; confirmed: number }[]; total: number; changedAt: Date | null }> {
  const groups = await db().signatureCount.groupBy({
    by: ["country"],
    where: { campaignId },
    _sum: { confirmed: true },
    _max: { updatedAt: true },
  });
  const times = groups.flatMap((group) => (group._max.updatedAt ? [group._max.updatedAt.getTime()] : []));
  const rows = groups
    .map((group) => ({ country: group.country, confirmed: group._sum.confirmed ?? 0 }))
    .filter((row) => row.confirmed > 0)
    .sort((a, b) => b.confirmed - a.confirmed || a.country.localeCompare(b.country));
  return { rows, total: rows.reduce((sum, row) => sum + row.confirmed, 0), changedAt: times.length ? new Date(Math.max(...times)) : null };
}

export type ReconcileReport = { campaignId: number; before: number; after: number }[];

/**
 * Rebuilds the count rows of each campaign from its confirmed signatures. Takes a lock that waits for
 * transactions that are changing counts to commit, so the rebuilt rows include them and none is lost.
 */
export async function reconcileCounts(campaignIds?: number[]): Promise<ReconcileReport> {
  const ids = campaignIds ?? (await db().campaign.findMany({ select: { id: true } })).map((c) => c.id);
  const report: ReconcileReport = [];
  for (const campaignId of ids) {
    report.push(
      await db().$transaction(async (tx) => {
        await tx.$executeRaw`LOCK TABLE "SignatureCount" IN SHARE ROW EXCLUSIVE MODE`;
        const [{ before }] = await tx.$queryRaw<[{ before: bigint | null }]>`
          SELECT sum("confirmed") AS before FROM "SignatureCount" WHERE "campaignId" = ${campaignId}`;
        // Each country's row keeps the time its count last changed when the rebuilt count is the same
        // (the public API's `updatedAt` is when the figures moved, not when they were last checked); a
        // country with no confirmed signature left keeps a row of 0, so that its change is remembered.
        await tx.$executeRaw`
          WITH old AS (
            DELETE FROM "SignatureCount" WHERE "campaignId" = ${campaignId}
            RETURNING "country", "confirmed", "updatedAt"
          ), before AS (
            SELECT "country", sum("confirmed") AS confirmed, max("updatedAt") AS "updatedAt" FROM old GROUP BY "country"
          ), rebuilt AS (
            SELECT "country", count(*)::int AS confirmed FROM "Signature"
            WHERE "campaignId" = ${campaignId} AND "status" = 'CONFIRMED'
            GROUP BY "country"
          )
          INSERT INTO "SignatureCount" ("campaignId", "country", "shard", "confirmed", "updatedAt")
          SELECT ${campaignId}, coalesce(rebuilt."country", before."country"), 0, coalesce(rebuilt.confirmed, 0),
                 CASE WHEN before.confirmed = coalesce(rebuilt.confirmed, 0) THEN before."updatedAt" ELSE ${UTC_NOW} END
          FROM rebuilt FULL JOIN before ON before."country" = rebuilt."country"`;
        const [{ after }] = await tx.$queryRaw<[{ after: bigint | null }]>`
          SELECT sum("confirmed") AS after FROM "SignatureCount" WHERE "campaignId" = ${campaignId}`;
        // The series adds up to the count: a correction is a change of this hour.
        const correction = Number(after ?? 0) - Number(before ?? 0);
        if (correction !== 0) await addToHour(tx, campaignId, 0, correction);
        await mergePastHours(tx, campaignId);
        return { campaignId, before: Number(before ?? 0), after: Number(after ?? 0) };
      }, { timeout: 60_000 }),
    );
  }
  return report;
}

/** Past hours are written no more: their shards become one row each, so reading stays a row per hour. */
async function mergePastHours(tx: Tx, campaignId: number): Promise<void> {
  await tx.$executeRaw`
    WITH moved AS (
      DELETE FROM "SignatureHour"
      WHERE "campaignId" = ${campaignId} AND "shard" <> 0 AND "hour" < date_trunc('hour', ${UTC_NOW})
      RETURNING "hour", "change"
    )
    INSERT INTO "SignatureHour" ("campaignId", "hour", "shard", "change")
    SELECT ${campaignId}, "hour", 0, sum("change")::int FROM moved GROUP BY "hour"
    ON CONFLICT ("campaignId", "hour", "shard") DO UPDATE SET "change" = "SignatureHour"."change" + EXCLUDED."change"`;
}

export type SeriesInterval = "hour" | "day";
export type SeriesPoint = { start: Date; change: number; total: number };

/**
 * The confirmed count over time: per hour or per day (UTC), each with the change in it and the total
 * at its end, from the first change on. Periods without a change are left out. Reads the kept rows
 * (one per hour once merged), never the signatures.
 */
export async function countsOverTime(campaignId: number, interval: SeriesInterval): Promise<SeriesPoint[]> {
  const rows = await db().$queryRaw<{ start: Date; change: number }[]>`
    SELECT date_trunc(${interval}, "hour") AS start, sum("change")::int AS change
    FROM "SignatureHour" WHERE "campaignId" = ${campaignId}
    GROUP BY 1 ORDER BY 1`;
  let total = 0;
  return rows
    .map((row) => ({ start: row.start, change: row.change, total: (total += row.change) }))
    .filter((point) => point.change !== 0);
}
