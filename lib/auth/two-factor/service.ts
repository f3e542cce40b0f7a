import "server-only";
import { toString as qrSvg } from "qrcode";
import { recordAudit } from "@/lib/audit/service";
import { endSessions } from "@/lib/auth/session-version";
import { countSessionCheck, sessionCheckSucceeded } from "@/lib/auth/throttle";
import { adminTwoFactorRequired } from "@/lib/auth/two-factor/config";
import { checkTotp, newTotpSecret, totpUri } from "@/lib/auth/two-factor/totp";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { openSecret, sealSecret } from "@/lib/security/encryption";
import { siteUrl } from "@/lib/site-url";

// Two-factor sign-in (TOTP) of staff accounts. The secret is stored encrypted; it is shown to the
// account's owner only while setting up (before a code has confirmed it), never afterwards. Every
// accepted code moves totpLastStep forward, in one conditional UPDATE, so no code works twice.

/** Expected failures; `code` is a message key (AdminTwoFactor.errors.*). */
export type TwoFactorErrorCode = "alreadyOn" | "notStarted" | "notOn" | "wrongCode" | "required" | "notFound" | "self";

type Actor = { id: number; email: string };

export type TwoFactorStatus =
  | { state: "off" }
  | { state: "pending"; secret: string; uri: string; qrSvg: string }
  | { state: "on"; since: Date };

const context = (accountId: number) => `totp:${accountId}`;

async function account(accountId: number) {
  const found = await db().adminUser.findUnique({
    where: { id: accountId },
    select: { id: true, email: true, role: true, totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  if (!found) throw new DomainError<TwoFactorErrorCode>("notFound");
  return found;
}

function secretOf(found: { id: number; totpSecret: string | null }): string | null {
  return found.totpSecret ? openSecret(found.totpSecret, context(found.id)) : null;
}

/** The name the authenticator app shows: the site's host name. */
function issuer(): string {
  try {
    return `Advocate ${new URL(siteUrl()).hostname}`;
  } catch {
    return "Advocate";
  }
}

/** For the account's own page: off, being set up (with what to scan), or on. */
export async function twoFactorStatus(accountId: number): Promise<TwoFactorStatus> {
  const found = await account(accountId);
  if (found.totpEnabledAt) return { state: "on", since: found.totpEnabledAt };
  const secret = secretOf(found);
  if (!secret) return { state: "off" };
  const uri = totpUri({ issuer: issuer(), account: found.email, secret });
  return { state: "pending", secret, uri, qrSvg: await qrSvg(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 }) };
}

/** Starts (or starts again) setting up: a new secret, not yet asked for at sign-in. */
export async function startTwoFactorSetup(accountId: number): Promise<void> {
  const secret = newTotpSecret();
  const { count } = await db().adminUser.updateMany({
    where: { id: accountId, totpEnabledAt: null },
    data: { totpSecret: sealSecret(secret, context(accountId)), totpLastStep: null },
  });
  if (count === 0) throw new DomainError<TwoFactorErrorCode>((await account(accountId)).totpEnabledAt ? "alreadyOn" : "notFound");
}

/**
 * Accepts `code` for the account if it is valid and its time step is later than the last one
 * accepted, recording that step. `enabled`: whether two-factor must be on (sign-in, turning off) or
 * still being set up (confirming).
 */
async function consumeCode(accountId: number, code: unknown, { enabled }: { enabled: boolean }): Promise<number | null> {
  const found = await account(accountId);
  if ((found.totpEnabledAt !== null) !== enabled) return null;
  const secret = secretOf(found);
  if (!secret) return null;
  const step = await checkTotp(secret, code, { afterTimeStep: found.totpLastStep });
  if (step === null) return null;
  // Two requests with the same code at the same moment: only one moves the step forward.
  const { count } = await db().adminUser.updateMany({
    where: { id: accountId, totpSecret: found.totpSecret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1 ? step : null;
}

/** Turns two-factor on once the owner proves, with a code, that their app has the secret. */
export async function confirmTwoFactorSetup(actor: Actor, code: unknown): Promise<void> {
  const found = await account(actor.id);
  if (found.totpEnabledAt) throw new DomainError<TwoFactorErrorCode>("alreadyOn");
  if (!found.totpSecret) throw new DomainError<TwoFactorErrorCode>("notStarted");
  if ((await consumeCode(actor.id, code, { enabled: false })) === null) throw new DomainError<TwoFactorErrorCode>("wrongCode");
  await db().$transaction(async (tx) => {
    const { count } = await tx.adminUser.updateMany({ where: { id: actor.id, totpEnabledAt: null, totpSecret: found.totpSecret }, data: { totpEnabledAt: new Date() } });
    if (count === 0) throw new DomainError<TwoFactorErrorCode>("alreadyOn");
    await recordAudit(tx, { actor, action: "account.two-factor.enable", details: { accountId: actor.id, email: found.email } });
  });
}

function cleared() {
  return { totpSecret: null, totpEnabledAt: null, totpLastStep: null };
}

/**
 * The owner turns two-factor off, with a current code (a session left open is not enough). Refused
 * for admins when REQUIRE_ADMIN_TOTP is on.
 */
export async function disableTwoFactor(actor: Actor, code: unknown): Promise<void> {
  const found = await account(actor.id);
  if (!found.totpEnabledAt) throw new DomainError<TwoFactorErrorCode>("notOn");
  if (found.role === "ADMIN" && adminTwoFactorRequired()) throw new DomainError<TwoFactorErrorCode>("required");
  // Every try is counted before the code is checked, so a stolen session cannot try codes until one
  // fits. (Paused, it gets the same answer as a wrong code.)
  if (!(await countSessionCheck("two-factor-disable", actor.id))) throw new DomainError<TwoFactorErrorCode>("wrongCode");
  if ((await consumeCode(actor.id, code, { enabled: true })) === null) throw new DomainError<TwoFactorErrorCode>("wrongCode");
  await sessionCheckSucceeded("two-factor-disable", actor.id);
  await db().$transaction(async (tx) => {
    await tx.adminUser.update({ where: { id: actor.id }, data: cleared() });
    await recordAudit(tx, { actor, action: "account.two-factor.disable", details: { accountId: actor.id, email: found.email } });
  });
}

/**
 * Recovery for someone who lost their authenticator: an admin turns another account's two-factor off
 * (it can then sign in with its password and set it up again). Audited. Every open session of the
 * account ends: whoever has the lost phone may have a session too. Not for one's own account, which
 * needs a code (disableTwoFactor).
 */
export async function resetTwoFactor(actor: Actor, accountId: number): Promise<{ changed: boolean; email: string }> {
  if (accountId === actor.id) throw new DomainError<TwoFactorErrorCode>("self");
  const found = await account(accountId);
  if (!found.totpSecret && !found.totpEnabledAt) return { changed: false, email: found.email };
  await db().$transaction(async (tx) => {
    await tx.adminUser.update({ where: { id: accountId }, data: cleared() });
    await endSessions(tx, accountId);
    await recordAudit(tx, { actor, action: "account.two-factor.reset", details: { accountId, email: found.email, wasOn: found.totpEnabledAt !== null } });
  });
  return { changed: true, email: found.email };
}

/** At sign-in: accepts a valid, unused code of an account with two-factor on. */
export async function acceptSignInCode(accountId: number, code: unknown): Promise<boolean> {
  return (await consumeCode(accountId, code, { enabled: true })) !== null;
}
