import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, checkDrift, createMigration } from "@/lib/database/migrations";

// Against the real PostgreSQL of lib/test/global-setup.ts, which has already applied the migrations.
const url = inject("databaseUrl");
const root = process.cwd();
const schemaPath = path.join(root, "prisma/schema.prisma");
const realMigrations = path.join(root, "prisma/migrations");
const folders = readdirSync(realMigrations, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let tmp: string;
const created: string[] = [];

/** A new, empty database on the same server; dropped after the tests. */
async function freshDatabase(): Promise<string> {
  const name = `migrations_test_${created.length}_${process.pid}`;
  await admin(`CREATE DATABASE "${name}"`);
  created.push(name);
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return fresh.toString();
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

async function migrationNames(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    return rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}

/** The project's schema plus one model that no migration creates. */
function changedSchema(): string {
  const file = path.join(tmp, "changed.prisma");
  writeFileSync(file, `${readFileSync(schemaPath, "utf8")}\nmodel DriftProbe {\n  id Int @id\n}\n`);
  return file;
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "advocate-migrations-"));
});

afterAll(async () => {
  for (const name of created) await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  rmSync(tmp, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("has the project's migrations to apply", () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(existsSync(path.join(realMigrations, "migration_lock.toml"))).toBe(true);
  });

  it("applies every folder once on a fresh database and nothing the second time", async () => {
    const databaseUrl = await freshDatabase();
    expect(await applyMigrations(databaseUrl)).toEqual({ applied: folders });
    expect(await applyMigrations(databaseUrl)).toEqual({ applied: [] });
    expect(await migrationNames(databaseUrl)).toEqual(folders);
  });

  it("left the test database with every folder recorded", async () => {
    expect(await applyMigrations(url)).toEqual({ applied: [] });
    expect(await migrationNames(url)).toEqual(folders);
  });

  it("names the failing migration and says how to recover", async () => {
    const migrationsDir = path.join(tmp, "failing");
    cpSync(realMigrations, migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, "29990101000000_broken"));
    writeFileSync(path.join(migrationsDir, "29990101000000_broken/migration.sql"), `ALTER TABLE "Campaign" ADD COLUMN "x" nosuchtype;\n`);
    const databaseUrl = await freshDatabase();
    await expect(applyMigrations(databaseUrl, { migrationsDir })).rejects.toThrow(
      /Migration 29990101000000_broken failed: .*nosuchtype.*rolled-back 29990101000000_broken/,
    );
    expect(await migrationNames(databaseUrl)).toEqual(folders);
  });
});

describe("checkDrift", () => {
  it("finds none between prisma/migrations and prisma/schema.prisma", async () => {
    expect(await checkDrift(url)).toEqual({ drift: false, sql: "" });
  });

  it("reports a schema change that has no migration, with the SQL it needs", async () => {
    const result = await checkDrift(url, { schemaPath: changedSchema() });
    expect(result.drift).toBe(true);
    expect(result.sql).toContain(`CREATE TABLE "DriftProbe"`);
  });
});

describe("createMigration", () => {
  it("returns null and writes nothing when the schema has not changed", async () => {
    const migrationsDir = path.join(tmp, "unchanged");
    cpSync(realMigrations, migrationsDir, { recursive: true });
    expect(await createMigration(url, "nothing", { migrationsDir })).toBeNull();
    expect(readdirSync(migrationsDir).sort()).toEqual([...folders, "migration_lock.toml"].sort());
  });

  it("writes the migration that removes the drift", async () => {
    const migrationsDir = path.join(tmp, "changed");
    cpSync(realMigrations, migrationsDir, { recursive: true });
    const changed = changedSchema();
    const file = await createMigration(url, "Add drift probe", { schemaPath: changed, migrationsDir });
    expect(file).toMatch(/\/\d{14}_add_drift_probe\/migration\.sql$/);
    expect(readFileSync(file!, "utf8")).toContain(`CREATE TABLE "DriftProbe"`);
    expect(await checkDrift(url, { schemaPath: changed, migrationsDir })).toEqual({ drift: false, sql: "" });
  });
});
