import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { dataDir, dbPort } from "./env";

// Direct access to the app's embedded database, for fixtures that create their own data and for
// checking what was (not) written. The app under test runs with EMBEDDED_DB_PORT = dbPort.
export async function withDb<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const password = readFileSync(path.join(dataDir, "postgres-password"), "utf8").trim();
  const client = new Client({ host: "127.0.0.1", port: dbPort, user: "postgres", password, database: "advocate" });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export type TestCampaign = { id: number; slug: string; title: string };

export async function createCampaign(options: { status?: "OPEN" | "CLOSED"; goal?: number } = {}): Promise<TestCampaign> {
  const slug = `e2e-${randomUUID().slice(0, 8)}`;
  const title = `Protect the defenders ${slug}`;
  return withDb(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO "Campaign" (slug, title, summary, organisation, "statementDate", statement, "sourceName", goal, status, "updatedAt")
       VALUES ($1, $2, 'A campaign made by an end-to-end test.', 'Test organisation', '2015', 'First paragraph.\n\nSecond paragraph.', 'Test', $3, $4, now())
       RETURNING id`,
      [slug, title, options.goal ?? 10, options.status ?? "OPEN"],
    );
    return { id: rows[0].id as number, slug, title };
  });
}

export async function signatureRows(campaignId: number) {
  return withDb(async (client) => (await client.query(`SELECT "fullName", email, country, status FROM "Signature" WHERE "campaignId" = $1`, [campaignId])).rows);
}

/** Adds `count` confirmed signatures (from Pakistan) and their count, as confirmations would. */
export async function confirmedSignatures(campaignId: number, count: number): Promise<void> {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, status, "confirmedAt", "updatedAt")
       SELECT $1, 'Signer ' || n, 'bulk-' || n || '-' || $3 || '@example.org', 'bulk-' || n || '-' || $3 || '@example.org', 'PAK', 'CONFIRMED', now(), now()
       FROM generate_series(1, $2::int) AS n`,
      [campaignId, count, randomUUID().slice(0, 8)],
    );
    await client.query(
      `INSERT INTO "SignatureCount" ("campaignId", country, shard, confirmed) VALUES ($1, 'PAK', 0, $2)
       ON CONFLICT ("campaignId", country, shard) DO UPDATE SET confirmed = "SignatureCount".confirmed + EXCLUDED.confirmed`,
      [campaignId, count],
    );
  });
}
