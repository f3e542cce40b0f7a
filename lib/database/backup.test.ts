import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, restoreDatabase } from "@/lib/database/backup";
import { applyMigrations } from "@/lib/database/migrations";
import { seed } from "@/lib/database/seed";

// Round trips between databases of their own on the test server: a source with the seed and awkward
// data, and fresh targets. Compared by row counts and a checksum of every table's rows.
const suffix = Math.random().toString(36).slice(2, 8);
const names = { source: `backup_src_${suffix}`, target: `backup_dst_${suffix}`, damaged: `backup_bad_${suffix}` };
let admin: pg.Client;
let dir: string;

function urlOf(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(database: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlOf(database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every table's row count and an md5 of its rows (as text, sorted), plus the sequences' positions. */
function fingerprint(database: string): Promise<Record<string, string>> {
  return withClient(database, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`);
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: string; sum: string }>(`SELECT count(*) AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS sum FROM "${name}" t`);
      result[name] = `${rows[0]!.n} rows, ${rows[0]!.sum}`;
    }
    const { rows: sequences } = await client.query<{ name: string; last: string | null }>(`SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`);
    for (const sequence of sequences) result[`sequence ${sequence.name}`] = String(sequence.last);
    return result;
  });
}

const count = (database: string, table: string) => withClient(database, async (c) => Number((await c.query(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "advocate-backup-"));
  admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  for (const name of Object.values(names)) await admin.query(`CREATE DATABASE ${name}`);
  await applyMigrations(urlOf(names.source));
  await seed(urlOf(names.source));
  await withClient(names.source, async (client) => {
    const { rows } = await client.query<{ id: number }>(`SELECT id FROM "Campaign" ORDER BY id LIMIT 1`);
    const campaignId = rows[0]!.id;
    // Text that COPY must escape, a line that reads "\." on its own, arrays, JSON, NULLs.
    const insert = `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, comment, status, "updatedAt")
                    VALUES ($1, $2, $3, $3, 'PAK', $4, 'CONFIRMED', now()) RETURNING id`;
    const a = (await client.query(insert, [campaignId, 'Tab\there, new\nline, back\\slash, "quote", اردو 🙂', "awkward@example.org", "\\.\n\\.\r\nend"])).rows[0].id;
    const b = (await client.query(insert, [campaignId, "Bea Referrer", "bea@example.org", null])).rows[0].id;
    // A cycle of foreign keys: no order of rows could be loaded with the keys in place.
    await client.query(`UPDATE "Signature" SET "referredById" = $1 WHERE id = $2`, [b, a]);
    await client.query(`UPDATE "Signature" SET "referredById" = $1 WHERE id = $2`, [a, b]);
    await client.query(`INSERT INTO "AuditEntry" (action, "campaignId", "signatureIds", filter, details, "count") VALUES ('test', $1, $2, $3, NULL, 2)`, [campaignId, [a, b], { q: "ü \\ \"x\"", n: [1, 2] }]);
    // A row made and deleted: the sequence is ahead of the highest id, and must stay so.
    await client.query(`DELETE FROM "Signature" WHERE id = (SELECT id FROM "Signature" ORDER BY id DESC LIMIT 1) AND email = 'none'`);
    const extra = (await client.query(insert, [campaignId, "Gone Soon", "gone@example.org", null])).rows[0].id;
    await client.query(`DELETE FROM "Signature" WHERE id = $1`, [extra]);
  });
}, 120_000);

afterAll(async () => {
  for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  const file = () => path.join(dir, "source.backup.gz");
  let original: Record<string, string>;

  it("round-trips every table exactly into a fresh database", async () => {
    const before = (original = await fingerprint(names.source));
    const summary = await backupDatabase(urlOf(names.source), file());
    expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(summary.tables.find((t) => t.name === "Signature")?.rows).toBe(2);
    expect(summary.tables.find((t) => t.name === "CountryVote")?.rows).toBeGreaterThan(100);

    const restored = await restoreDatabase(urlOf(names.target), file());
    expect(restored.tables).toEqual(summary.tables);
    const after = await fingerprint(names.target);
    expect(after).toEqual(before);
    expect(Object.keys(after)).toContain("Signature");
    // The awkward row came back byte for byte, and new rows get fresh ids.
    await withClient(names.target, async (client) => {
      const { rows } = await client.query(`SELECT "fullName", comment FROM "Signature" WHERE email = 'awkward@example.org'`);
      expect(rows[0]).toEqual({ fullName: 'Tab\there, new\nline, back\\slash, "quote", اردو 🙂', comment: "\\.\n\\.\r\nend" });
      const { rows: next } = await client.query(`SELECT nextval('"Signature_id_seq"') AS id, (SELECT max(id) FROM "Signature") AS max`);
      expect(Number(next[0].id)).toBeGreaterThan(Number(next[0].max) + 1);
    });
  });

  it("refuses to overwrite a database that holds data, unless forced", async () => {
    await withClient(names.source, (c) => c.query(`UPDATE "Campaign" SET title = 'Changed after the backup'`));
    const refused = await restoreDatabase(urlOf(names.source), file()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as BackupError).message).toMatch(/The database is not empty \(.*Campaign: \d+.*Signature: 2/);
    expect((refused as BackupError).hint).toContain("--force");
    expect((await withClient(names.source, (c) => c.query(`SELECT title FROM "Campaign"`))).rows[0].title).toBe("Changed after the backup");

    await restoreDatabase(urlOf(names.source), file(), { force: true });
    expect(await fingerprint(names.source)).toEqual(original);
  });

  it("refuses a damaged backup and loads nothing from it", async () => {
    const text = gunzipSync(readFileSync(file())).toString("utf8");
    const damaged = path.join(dir, "damaged.backup.gz");
    writeFileSync(damaged, gzipSync(text.replace("Bea Referrer", "Bea Referrex")));
    const error = await restoreDatabase(urlOf(names.damaged), damaged).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/checksum of table Signature does not match/);
    expect(await count(names.damaged, "Campaign")).toBe(0);
    expect(await count(names.damaged, "Signature")).toBe(0);
  });

  it("refuses a backup made by a newer version (a migration this one does not have)", async () => {
    const older = path.join(dir, "older-migrations");
    const all = path.resolve("prisma/migrations");
    cpSync(all, older, { recursive: true });
    const newest = readdirSync(older).filter((name) => /^\d/.test(name)).sort().at(-1)!;
    rmSync(path.join(older, newest), { recursive: true });
    const error = await restoreDatabase(urlOf(names.source), file(), { force: true, migrationsDir: older }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toContain(`does not know its migrations ${newest}`);
    // Refused before anything was touched, even with --force.
    expect(await fingerprint(names.source)).toEqual(original);
  });

  it("works as `npm run db:restore` and `npm run db:backup` on the embedded PostgreSQL (no DATABASE_URL)", async () => {
    const source = path.join(dir, "embedded-in.backup.gz");
    const copy = path.join(dir, "embedded-out.backup.gz");
    await backupDatabase(urlOf(names.source), source);
    // A fresh data directory, as on a new machine (PostgreSQL runs as its own user when we are root).
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-backup-embedded-"));
    chmodSync(dataDir, 0o755);
    try {
      const npm = (...args: string[]) => spawnSync("npm", ["run", "--silent", ...args], { env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir }, encoding: "utf8", timeout: 120_000 });
      const restore = npm("db:restore", "--", source);
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/Restored \d+ tables/);
      const backup = npm("db:backup", "--", copy);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/Backed up \d+ tables \(\d+ rows\) to /);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // Through the embedded database and back: the same rows as the original.
    await admin.query(`DROP DATABASE IF EXISTS ${names.target} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${names.target}`);
    await restoreDatabase(urlOf(names.target), copy);
    expect(await fingerprint(names.target)).toEqual(await fingerprint(names.source));
  }, 180_000);

  it("works as `npm run db:backup` and `npm run db:restore` against DATABASE_URL", () => {
    const target = path.join(dir, "cli.backup.gz");
    const env = { ...process.env, DATABASE_URL: urlOf(names.source) };
    const backup = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db.ts", "backup", target], { env, encoding: "utf8" });
    expect(backup.stdout).toMatch(/Backed up \d+ tables \(\d+ rows\) to /);
    expect(backup.status).toBe(0);
    const restore = spawnSync(path.join("node_modules", ".bin", "tsx"), ["scripts/db.ts", "restore", target], { env, encoding: "utf8" });
    expect(restore.status).toBe(1);
    expect(restore.stderr).toContain("The database is not empty");
    expect(restore.stderr).toContain("What to do: Back it up first (npm run db:backup), then restore again with --force");
  });
});
