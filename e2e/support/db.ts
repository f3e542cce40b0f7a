import { createHash, randomBytes, randomUUID } from "node:crypto";
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

/** A target of the campaign's letters; `email` comes with a made-up source, as staff must give one. */
export async function createTarget(campaignId: number, options: { name?: string; email?: string } = {}): Promise<{ id: number; name: string }> {
  const name = options.name ?? `Ministry ${randomUUID().slice(0, 6)}`;
  return withDb(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO "Target" ("campaignId", name, role, email, "contactSource", "updatedAt") VALUES ($1, $2, 'Decides the vote.', $3, $4, now()) RETURNING id`,
      [campaignId, name, options.email ?? null, options.email ? "https://example.org/contacts" : null],
    );
    return { id: rows[0].id as number, name };
  });
}

/** Letters counted for a target (all channels). */
export async function lettersCounted(targetId: number): Promise<number> {
  return withDb(async (client) => (await client.query(`SELECT coalesce(sum(count), 0)::int AS n FROM "LetterCount" WHERE "targetId" = $1`, [targetId])).rows[0].n as number);
}

export async function signatureRows(campaignId: number) {
  return withDb(async (client) => (await client.query(`SELECT "fullName", email, country, status FROM "Signature" WHERE "campaignId" = $1`, [campaignId])).rows);
}

/** Adds `count` confirmed signatures (from Pakistan) and their count, as confirmations would. */
export async function confirmedSignatures(campaignId: number, count: number, country = "PAK"): Promise<void> {
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, status, "confirmedAt", "updatedAt")
       SELECT $1, 'Signer ' || n, 'bulk-' || n || '-' || $3 || '@example.org', 'bulk-' || n || '-' || $3 || '@example.org', $4, 'CONFIRMED', now(), now()
       FROM generate_series(1, $2::int) AS n`,
      [campaignId, count, randomUUID().slice(0, 8), country],
    );
    await addToCount(client, campaignId, country, count);
  });
}

/** Counts `count` confirmations as adjustCount does (lib/petition/counts.ts): the country's count and the hour's change. */
async function addToCount(client: Client, campaignId: number, country: string, count: number): Promise<void> {
  await client.query(
    `INSERT INTO "SignatureCount" ("campaignId", country, shard, confirmed) VALUES ($1, $3, 0, $2)
     ON CONFLICT ("campaignId", country, shard) DO UPDATE SET confirmed = "SignatureCount".confirmed + EXCLUDED.confirmed`,
    [campaignId, count, country],
  );
  await client.query(
    `INSERT INTO "SignatureHour" ("campaignId", hour, shard, change) VALUES ($1, date_trunc('hour', now() AT TIME ZONE 'UTC'), 0, $2)
     ON CONFLICT ("campaignId", hour, shard) DO UPDATE SET change = "SignatureHour".change + EXCLUDED.change`,
    [campaignId, count],
  );
}

export type TestSignature = { id: number; email: string; referralCode: string; tokens: { confirm: string; withdraw: string; access: string } };

/**
 * A signature with its mailed links, made directly in the database as signing would make it (the
 * database keeps only each token's SHA-256, lib/petition/tokens.ts): for pages that need one to exist.
 */
export async function createSignature(campaignId: number, options: { status?: "PENDING" | "CONFIRMED"; fullName?: string; comment?: string } = {}): Promise<TestSignature> {
  const unique = randomUUID().slice(0, 8);
  const email = `signer-${unique}@example.org`;
  // The app's alphabet for codes (lib/sharing/referral.ts): no 0, 1, l or o.
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const referralCode = Array.from(randomBytes(10), (byte) => alphabet[byte % alphabet.length]).join("");
  const token = () => randomBytes(32).toString("base64url");
  const tokens = { confirm: token(), withdraw: token(), access: token() };
  const status = options.status ?? "PENDING";
  return withDb(async (client) => {
    const { rows } = await client.query(
      `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, comment, "showName", status, "referralCode", "confirmedAt", "updatedAt")
       VALUES ($1, $2, $3, $3, 'PAK', $4, true, $5::"SignatureStatus", $6, CASE WHEN $5::"SignatureStatus" = 'CONFIRMED' THEN now() END, now())
       RETURNING id`,
      [campaignId, options.fullName ?? "Fatima Jinnah", email, options.comment ?? null, status, referralCode],
    );
    const id = rows[0].id as number;
    for (const [purpose, value] of [["CONFIRM", tokens.confirm], ["WITHDRAW", tokens.withdraw], ["ACCESS", tokens.access]] as const) {
      await client.query(`INSERT INTO "SignatureToken" ("signatureId", purpose, "tokenHash", "expiresAt") VALUES ($1, $2, $3, now() + interval '7 days')`, [
        id,
        purpose,
        createHash("sha256").update(value).digest("hex"),
      ]);
    }
    if (status === "CONFIRMED") {
      await addToCount(client, campaignId, "PAK", 1);
    }
    return { id, email, referralCode, tokens };
  });
}
