import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { changeAccountRole, createAccount, setAccountEnabled, type AccountErrorCode } from "@/lib/accounts/admin-service";
import { verifyPassword } from "@/lib/auth/password";
import { applyMigrations } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { unique } from "@/lib/test/factories";

// "At least one enabled admin remains" is about every account in the database, and other test files
// create admins in the shared one at the same time. So this file runs on a database of its own (same
// server), created and migrated here before db() is first used, and dropped afterwards.
const serverUrl = inject("databaseUrl");
const databaseName = `accounts_test_${process.pid}_${Date.now()}`;

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  await client.query(sql).finally(() => client.end());
}

beforeAll(async () => {
  await onServer(`CREATE DATABASE "${databaseName}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  await applyMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
}, 120_000);

afterAll(async () => {
  await db().$disconnect();
  // Never leave a client pointing at the dropped database in this process.
  delete (globalThis as { advocateDb?: unknown }).advocateDb;
  await onServer(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
});

const newAccount = (overrides: Partial<{ email: string; role: "ADMIN" | "MODERATOR" }> = {}) => ({
  email: `${unique("staff")}@example.org`,
  name: "Test Staff",
  role: "MODERATOR" as const,
  password: "correct horse battery",
  ...overrides,
});

async function rejectsWith(promise: Promise<unknown>, code: AccountErrorCode): Promise<void> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
}

const auditFor = (action: string, accountId: number) =>
  db().auditEntry.findMany({ where: { action, details: { path: ["accountId"], equals: accountId } }, orderBy: { id: "asc" } });

describe("account administration", () => {
  // Every account change is serialised by one lock, and the last-admin rule counts all accounts, so
  // the tests of this file run one after the other (the default) on their own database.
  it("creates an account with a hashed password and an audit entry", async () => {
    const actor = await db().adminUser.create({ data: { email: `${unique("root")}@example.org`, passwordHash: "x", role: "ADMIN" } });
    const input = newAccount();
    const { id } = await createAccount(actor, input);

    const stored = await db().adminUser.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ email: input.email, name: "Test Staff", role: "MODERATOR", disabledAt: null });
    expect(stored.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(stored.passwordHash, input.password)).toBe(true);
    const [entry, ...more] = await auditFor("account.create", id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorId: actor.id, actorEmail: actor.email, details: { accountId: id, email: input.email, role: "MODERATOR" } });
  });

  it("refuses a second account with the same email, changing nothing", async () => {
    const actor = await db().adminUser.create({ data: { email: `${unique("root")}@example.org`, passwordHash: "x", role: "ADMIN" } });
    const input = newAccount();
    await createAccount(actor, input);
    const before = await db().auditEntry.count({ where: { action: "account.create" } });

    await rejectsWith(createAccount(actor, { ...input, role: "ADMIN" }), "emailTaken");

    expect(await db().adminUser.count({ where: { email: input.email } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "account.create" } })).toBe(before);
  });

  it("disables, re-enables and changes the role, each audited once; repeating a change does nothing", async () => {
    const actor = await db().adminUser.create({ data: { email: `${unique("root")}@example.org`, passwordHash: "x", role: "ADMIN" } });
    const { id } = await createAccount(actor, newAccount());

    expect(await setAccountEnabled(actor, id, false)).toMatchObject({ changed: true });
    // Disabled, and every open session ended (its session version raised), for good.
    expect(await db().adminUser.findUniqueOrThrow({ where: { id } })).toMatchObject({ disabledAt: expect.any(Date), sessionVersion: 1 });
    expect(await setAccountEnabled(actor, id, false)).toMatchObject({ changed: false });
    expect(await setAccountEnabled(actor, id, true)).toMatchObject({ changed: true });
    expect(await db().adminUser.findUniqueOrThrow({ where: { id } })).toMatchObject({ disabledAt: null, sessionVersion: 1 });
    expect(await changeAccountRole(actor, id, "ADMIN")).toMatchObject({ changed: true });
    expect(await changeAccountRole(actor, id, "ADMIN")).toMatchObject({ changed: false });
    expect((await db().adminUser.findUniqueOrThrow({ where: { id } })).role).toBe("ADMIN");

    expect(await auditFor("account.disable", id)).toHaveLength(1);
    expect(await auditFor("account.enable", id)).toHaveLength(1);
    const roles = await auditFor("account.role", id);
    expect(roles.map((entry) => entry.details)).toEqual([{ accountId: id, email: expect.any(String), from: "MODERATOR", to: "ADMIN" }]);
    expect(roles[0]).toMatchObject({ actorId: actor.id, actorEmail: actor.email });
  });

  it("never leaves the database without an enabled admin", async () => {
    // Start from a known state: only `last` is an enabled admin.
    await db().adminUser.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: new Date() } });
    const last = await db().adminUser.create({ data: { email: `${unique("last")}@example.org`, passwordHash: "x", role: "ADMIN" } });
    const disabledAdmin = await db().adminUser.create({ data: { email: `${unique("off")}@example.org`, passwordHash: "x", role: "ADMIN", disabledAt: new Date() } });

    await rejectsWith(setAccountEnabled(last, last.id, false), "lastAdmin");
    await rejectsWith(changeAccountRole(last, last.id, "MODERATOR"), "lastAdmin");
    expect(await db().adminUser.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ role: "ADMIN", disabledAt: null });
    expect(await auditFor("account.disable", last.id)).toHaveLength(0);
    // A disabled admin does not count, and demoting one is allowed.
    expect(await changeAccountRole(last, disabledAdmin.id, "MODERATOR")).toMatchObject({ changed: true });

    // With a second enabled admin, the first may step down; then the second is the last one.
    const second = await createAccount(last, newAccount({ role: "ADMIN" }));
    expect(await changeAccountRole(last, last.id, "MODERATOR")).toMatchObject({ changed: true });
    await rejectsWith(setAccountEnabled(last, second.id, false), "lastAdmin");
  });

  it("does not let two admins disable each other at the same moment", async () => {
    await db().adminUser.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: new Date() } });
    const [a, b] = await Promise.all(
      ["a", "b"].map((prefix) => db().adminUser.create({ data: { email: `${unique(prefix)}@example.org`, passwordHash: "x", role: "ADMIN" } })),
    );
    const results = await Promise.allSettled([setAccountEnabled(a!, b!.id, false), setAccountEnabled(b!, a!.id, false)]);

    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db().adminUser.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });

  it("reports an account that does not exist", async () => {
    const actor = await db().adminUser.create({ data: { email: `${unique("root")}@example.org`, passwordHash: "x", role: "ADMIN" } });
    await rejectsWith(setAccountEnabled(actor, 2_000_000_000, false), "notFound");
    await rejectsWith(changeAccountRole(actor, 2_000_000_000, "ADMIN"), "notFound");
  });
});
