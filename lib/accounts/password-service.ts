import "server-only";
import type { PasswordChange } from "@/lib/accounts/schema";
import { recordAudit } from "@/lib/audit/service";
import { hashPassword, verifyPassword, waitLikeAVerification } from "@/lib/auth/password";
import type { StaffUser } from "@/lib/auth/session";
import { endSessions } from "@/lib/auth/session-version";
import { countSessionCheck, sessionCheckSucceeded } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";

/** Expected failures: keys of AdminPassword.errors. */
export type PasswordChangeErrorCode = "currentWrong";

/**
 * A staff member changes their own password: the current one must be right (tries are counted first,
 * so a session left open cannot be used to guess it; paused, the answer is the same as for a wrong
 * one). Every session of the account ends, this one included (lib/auth/session-version.ts). Audited,
 * without either password.
 */
export async function changeOwnPassword(actor: Pick<StaffUser, "id" | "email">, input: Pick<PasswordChange, "currentPassword" | "newPassword">): Promise<void> {
  if (!(await countSessionCheck("password-change", actor.id))) {
    await waitLikeAVerification();
    throw new DomainError<PasswordChangeErrorCode, "currentPassword">("currentWrong", "currentPassword");
  }
  const found = await db().adminUser.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!found || !(await verifyPassword(found.passwordHash, input.currentPassword))) throw new DomainError<PasswordChangeErrorCode, "currentPassword">("currentWrong", "currentPassword");
  await sessionCheckSucceeded("password-change", actor.id);
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    // Only over the password just checked: of two changes at the same moment, the second finds it gone.
    const { count } = await tx.adminUser.updateMany({ where: { id: actor.id, passwordHash: found.passwordHash }, data: { passwordHash } });
    if (count === 0) throw new DomainError<PasswordChangeErrorCode, "currentPassword">("currentWrong", "currentPassword");
    await endSessions(tx, actor.id);
    await recordAudit(tx, { actor, action: "account.password-change", details: { accountId: actor.id, email: actor.email } });
  });
}
