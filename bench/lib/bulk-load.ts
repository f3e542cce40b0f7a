// Loading a campaign with N signatures fast: one INSERT … SELECT over generate_series with realistic
// columns (names, unique emails, countries, some comments, a spread of states and dates), with the
// secondary indexes dropped during the load and rebuilt after (much faster than maintaining three
// trigram indexes row by row), then the count rows rebuilt as lib/petition/counts.ts reconcileCounts does.
import type pg from "pg";

const FIRST = ["Amina", "Ben", "Chloé", "Dawit", "Ewa", "Farah", "Gareth", "Hiroshi", "Imran", "Jo", "Kofi", "Lena", "Mariam", "Nasir", "Olu", "Priya", "Qasim", "Rosa", "Sadia", "Tomasz", "Uzma", "Viktor", "Wen", "Yusuf", "Zainab"];
const LAST = ["Ahmed", "Brown", "Chaudhry", "Dubois", "Evans", "Fischer", "García", "Hussain", "Iqbal", "Jones", "Khan", "Lewis", "Malik", "Nowak", "Okafor", "Patel", "Qureshi", "Rossi", "Smith", "Taylor", "Usman", "Virtanen", "Williams", "Yilmaz", "Zaman"];
const COUNTRIES = ["GBR", "GBR", "GBR", "PAK", "PAK", "USA", "DEU", "FRA", "IND", "CAN", "NLD", "IRL", "AUS", "ESP", "ITA", "SWE", "NGA", "KEN", "BRA", "BGD"];
const COMMENTS = ["Human rights defenders need protection, not silence.", "Signed for my family in Lahore.", "Pakistan must change its position at the UN.", "Freedom of belief is a human right."];

const array = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replace(/'/g, "''")}'`).join(",")}]`;

export type BulkCampaign = { id: number; slug: string };

/** A new open campaign, a copy of the seed campaign's other columns (whatever later migrations add). */
export async function createCampaign(db: pg.Pool, slug: string, title: string): Promise<BulkCampaign> {
  const { rows: columns } = await db.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_name = 'Campaign' AND table_schema = current_schema()
     AND column_name NOT IN ('id', 'slug', 'title', 'goal', 'status', 'createdAt', 'updatedAt', 'closedAt', 'deadline', 'anonymisedAt')`,
  );
  const copied = columns.map((column) => `"${column.name}"`).join(", ");
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO "Campaign" (slug, title, goal, status, "updatedAt", ${copied})
     SELECT $1, $2, 1000000, 'OPEN', now(), ${copied} FROM "Campaign" ORDER BY id LIMIT 1 RETURNING id`,
    [slug, title],
  );
  if (!rows[0]) throw new Error("no seed campaign to copy the texts from");
  return { id: rows[0].id, slug };
}

/** Inserts `count` signatures into the campaign; returns the seconds each phase took. */
export async function loadSignatures(db: pg.Pool, campaignId: number, count: number): Promise<{ insert: number; indexes: number; counts: number }> {
  const client = await db.connect();
  const timed = async (sql: string, params: unknown[] = []) => {
    const started = Date.now();
    await client.query(sql, params);
    return (Date.now() - started) / 1000;
  };
  try {
    await client.query("SET maintenance_work_mem = '256MB'");
    // Every index but the primary key (and any that backs a constraint): dropped now, rebuilt as they were.
    const { rows: indexes } = await client.query<{ name: string; definition: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
       WHERE t.relname = 'Signature' AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    );
    await client.query("BEGIN");
    for (const index of indexes) await client.query(`DROP INDEX "${index.name}"`);
    const statusCase = `CASE WHEN i % 100 < 85 THEN 'CONFIRMED' WHEN i % 100 < 95 THEN 'PENDING' WHEN i % 100 < 97 THEN 'QUARANTINED'
                              WHEN i % 100 < 98 THEN 'REJECTED' WHEN i % 100 < 99 THEN 'SPAM' ELSE 'WITHDRAWN' END`;
    const insert = await timed(
      `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, comment, "showName", "mayContact", locale,
                                status, "reasonCode", "clientHash", "referralCode", "createdAt", "updatedAt", "confirmedAt")
       SELECT $1,
              (${array(FIRST)})[1 + i % ${FIRST.length}] || ' ' || (${array(LAST)})[1 + (i / ${FIRST.length}) % ${LAST.length}],
              'bulk-' || i || '@example.org', 'bulk-' || i || '@example.org',
              (${array(COUNTRIES)})[1 + (i * 7) % ${COUNTRIES.length}],
              CASE WHEN i % 10 = 0 THEN (${array(COMMENTS)})[1 + (i / 10) % ${COMMENTS.length}] END,
              i % 3 = 0, i % 4 = 0, 'en',
              (${statusCase})::"SignatureStatus",
              (CASE WHEN i % 100 BETWEEN 95 AND 96 THEN 'RATE_LIMIT' WHEN i % 100 = 99 THEN 'WITHDRAWN_BY_SIGNER' END)::"SignatureReason",
              md5('client' || (i / 3)) || md5('net' || (i / 3)),
              'bk' || to_hex(i),
              created, created,
              CASE WHEN i % 100 < 85 THEN created + interval '7 minutes' END
       FROM generate_series(1, $2::int) AS i,
            LATERAL (SELECT now() - interval '30 days' + (interval '30 days' * i / $2::int) AS created) AS t`,
      [campaignId, count],
    );
    let indexSeconds = 0;
    for (const index of indexes) indexSeconds += await timed(index.definition);
    await client.query("COMMIT");
    await client.query(`ANALYZE "Signature"`);
    const counts = await timed(
      `BEGIN;
       LOCK TABLE "SignatureCount" IN SHARE ROW EXCLUSIVE MODE;
       DELETE FROM "SignatureCount" WHERE "campaignId" = ${Number(campaignId)};
       INSERT INTO "SignatureCount" ("campaignId", country, shard, confirmed)
         SELECT "campaignId", country, 0, count(*)::int FROM "Signature"
         WHERE "campaignId" = ${Number(campaignId)} AND status = 'CONFIRMED' GROUP BY "campaignId", country;
       DELETE FROM "SignatureHour" WHERE "campaignId" = ${Number(campaignId)};
       INSERT INTO "SignatureHour" ("campaignId", hour, shard, change)
         SELECT "campaignId", date_trunc('hour', "confirmedAt"), 0, count(*)::int FROM "Signature"
         WHERE "campaignId" = ${Number(campaignId)} AND status = 'CONFIRMED' GROUP BY "campaignId", date_trunc('hour', "confirmedAt");
       COMMIT;`,
    );
    return { insert, indexes: indexSeconds, counts };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
