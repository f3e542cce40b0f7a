import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

// Staff sessions are JWTs (next-auth): nothing on the server lists them, so one cannot be deleted.
// Instead each account has a session version; a token carries the version it was issued under, and
// getStaff() (lib/auth/session.ts) treats a token whose version is not the account's as signed out.
// Raising the version ends every session of the account at once: signing out, changing the password,
// an admin resetting its two-factor sign-in, disabling it. docs/decisions/022.

/**
 * The version a token carries. Tokens issued before versions existed carry none and count as 0, the
 * column's starting value: they stay valid until the account's first raise, then end like the others.
 */
export function tokenSessionVersion(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** Ends every session of the account. Call it inside the transaction that makes the change. */
export async function endSessions(tx: Prisma.TransactionClient, accountId: number): Promise<void> {
  await tx.adminUser.update({ where: { id: accountId }, data: { sessionVersion: { increment: 1 } } });
}

/**
 * Signing out (next-auth's signOut event): ends every session of the account, all devices included,
 * but only for a token that is still current: an old, already ended token cannot be used to sign its
 * owner out again and again. Returns whether the sessions were ended.
 */
export async function signOutEverywhere(accountId: unknown, version: unknown): Promise<boolean> {
  const id = Number(accountId);
  if (!Number.isInteger(id) || id <= 0) return false;
  const { count } = await db().adminUser.updateMany({ where: { id, sessionVersion: tokenSessionVersion(version) }, data: { sessionVersion: { increment: 1 } } });
  return count === 1;
}
