import "server-only";
import type { NewAccount } from "@/lib/accounts/schema";
import { recordAudit } from "@/lib/audit/service";
import { hashPassword } from "@/lib/auth/password";
import { endSessions } from "@/lib/auth/session-version";
import type { StaffRole, StaffUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";

// Account changes made from the admin pages. The command line uses createAccountWithUrl in
// service.ts instead, which must not import "server-only" or the app's client.

/** Expected failures; `code` is a message key (AdminAccounts.errors.*). */
export type AccountErrorCode = "emailTaken" | "notFound" | "lastAdmin";

type Actor = Pick<StaffUser, "id" | "email">;
type Tx = Prisma.TransactionClient;

/**
 * Every account change takes the same transaction-scoped lock first. Without it, two admins disabling
 * each other at the same moment would each still see the other enabled, and both would commit,
 * leaving no admin. Account changes are rare, so serialising them costs nothing.
 */
async function lockAccounts(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('advocate.accounts'))`;
}

async function assertAnotherEnabledAdmin(tx: Tx, accountId: number): Promise<void> {
  const others = await tx.adminUser.count({ where: { role: "ADMIN", disabledAt: null, id: { not: accountId } } });
  if (others === 0) throw new DomainError<AccountErrorCode>("lastAdmin");
}

async function findAccount(tx: Tx, accountId: number) {
  const account = await tx.adminUser.findUnique({ where: { id: accountId }, select: { id: true, email: true, role: true, disabledAt: true } });
  if (!account) throw new DomainError<AccountErrorCode>("notFound");
  return account;
}

export async function createAccount(actor: Actor, input: NewAccount): Promise<{ id: number }> {
  // Hashing is slow on purpose: done before the transaction, so the lock is held only briefly.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db().$transaction(async (tx) => {
      await lockAccounts(tx);
      const existing = await tx.adminUser.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) throw new DomainError<AccountErrorCode, "email">("emailTaken", "email");
      const user = await tx.adminUser.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash }, select: { id: true } });
      await recordAudit(tx, { actor, action: "account.create", details: { accountId: user.id, email: input.email, role: input.role } });
      return user;
    });
  } catch (error) {
    // The command line may create the same address outside the lock.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError<AccountErrorCode, "email">("emailTaken", "email");
    throw error;
  }
}

/**
 * Disables or re-enables an account. A disabled account cannot sign in, and its open sessions end at
 * once: getStaff reads the account on every request, and disabling also raises its session version,
 * so re-enabling it later does not bring those sessions back. Refused if it would leave no enabled admin.
 */
export async function setAccountEnabled(actor: Actor, accountId: number, enabled: boolean): Promise<{ changed: boolean; email: string }> {
  return db().$transaction(async (tx) => {
    await lockAccounts(tx);
    const account = await findAccount(tx, accountId);
    if (enabled === (account.disabledAt === null)) return { changed: false, email: account.email };
    if (!enabled && account.role === "ADMIN") await assertAnotherEnabledAdmin(tx, account.id);
    await tx.adminUser.update({ where: { id: account.id }, data: { disabledAt: enabled ? null : new Date() } });
    if (!enabled) await endSessions(tx, account.id);
    await recordAudit(tx, { actor, action: enabled ? "account.enable" : "account.disable", details: { accountId: account.id, email: account.email } });
    return { changed: true, email: account.email };
  });
}

/** Changes an account's role. Refused if demoting it would leave no enabled admin. */
export async function changeAccountRole(actor: Actor, accountId: number, role: StaffRole): Promise<{ changed: boolean; email: string }> {
  return db().$transaction(async (tx) => {
    await lockAccounts(tx);
    const account = await findAccount(tx, accountId);
    if (account.role === role) return { changed: false, email: account.email };
    if (account.role === "ADMIN" && account.disabledAt === null) await assertAnotherEnabledAdmin(tx, account.id);
    await tx.adminUser.update({ where: { id: account.id }, data: { role } });
    await recordAudit(tx, { actor, action: "account.role", details: { accountId: account.id, email: account.email, from: account.role, to: role } });
    return { changed: true, email: account.email };
  });
}
