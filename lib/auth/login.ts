import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/service";
import { db } from "@/lib/db";
import { deviceIdFor, newDeviceCookieValue } from "@/lib/auth/device-cookie";
import { verifyPassword, waitLikeAVerification } from "@/lib/auth/password";
import { countSecondFactorAttempt, countSignInAttempt, signInSucceeded, UNTRUSTED_LIMIT, WINDOW_SECONDS } from "@/lib/auth/throttle";
import { acceptSignInCode } from "@/lib/auth/two-factor/service";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1000),
  /** The authenticator app's code; asked for only when the account has two-factor sign-in on. */
  code: z.string().max(20).optional(),
});

/** Who is signing in: their network, and the device cookie their browser sent (if any). */
export type SignInClient = { network: string; deviceCookie?: string | null };

export type SignedIn = {
  id: number;
  email: string;
  name: string | null;
  /** Goes into the session token: a later raise ends the session (lib/auth/session-version.ts). */
  sessionVersion: number;
  /** A new device cookie for this browser (lib/auth/device-cookie.ts). */
  deviceCookie: string;
};

/**
 * Checks staff credentials. Returns the account or null; every failure (unknown account, wrong
 * password, disabled account, missing or wrong or reused two-factor code, too many attempts) gives the
 * same null, so nothing about accounts leaks. A wrong code counts as a failed attempt, like a wrong
 * password, so codes cannot be guessed faster than passwords.
 *
 * The attempt is counted before anything is checked (lib/auth/throttle.ts). A refused attempt waits
 * about as long as a password check takes and then answers null, like a wrong password.
 */
export async function authenticate(credentials: unknown, client: SignInClient): Promise<SignedIn | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  const admission = await countSignInAttempt({ email, network: client.network, deviceId: deviceIdFor(client.deviceCookie, email) });
  const user = await db().adminUser.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, totpEnabledAt: true, sessionVersion: true },
  });
  if (admission.untrustedLimitReached && user) await recordThrottled(user);

  // Over the untrusted-clients limit, only an account with two-factor sign-in may still pass, and
  // only with a right code (which has limits of its own) and the right password. The code is checked
  // first on that path: were the password checked first, a right one would take longer to refuse (the
  // code's checks follow it), and the paused attempts would become a way to test passwords.
  const pausedButSecondFactor = !admission.admitted && admission.refusedOnlyAsUntrusted && user?.totpEnabledAt != null;
  if (!admission.admitted && !pausedButSecondFactor) {
    await waitLikeAVerification();
    return null;
  }
  const counted = [...admission.counted];
  if (pausedButSecondFactor) {
    const codeAttempt = await countSecondFactorAttempt(user!.id);
    counted.push(codeAttempt);
    if (!codeAttempt.allowed || !(await acceptSignInCode(user!.id, code))) {
      await waitLikeAVerification();
      return null;
    }
  }
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.disabledAt) return null;
  if (user.totpEnabledAt && !pausedButSecondFactor) {
    const codeAttempt = await countSecondFactorAttempt(user.id);
    counted.push(codeAttempt);
    if (!codeAttempt.allowed || !(await acceptSignInCode(user.id, code))) return null;
  }
  await signInSucceeded(counted);
  await db().adminUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, deviceCookie: newDeviceCookieValue(user.email) };
}

/**
 * Tells the admins, once per pause, that unknown clients were refused for an account. Only for
 * accounts that exist (a typed address that is no account is not worth an entry, and is not stored).
 * No network address: the counters do not keep one.
 */
async function recordThrottled(user: { id: number; email: string }): Promise<void> {
  await recordAudit(db(), {
    actor: null,
    action: "account.sign-in-throttled",
    details: { accountId: user.id, email: user.email, limit: UNTRUSTED_LIMIT, minutes: WINDOW_SECONDS / 60 },
  });
}
