import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { isLoginBlocked, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/throttle";
import { acceptSignInCode } from "@/lib/auth/two-factor/service";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(1000),
  /** The authenticator app's code; asked for only when the account has two-factor sign-in on. */
  code: z.string().max(20).optional(),
});

/**
 * Checks staff credentials. Returns the account or null; every failure (unknown account, wrong
 * password, disabled account, missing or wrong or reused two-factor code, too many attempts) gives the
 * same null, so nothing about accounts leaks. A wrong code counts as a failed attempt, like a wrong
 * password, so codes cannot be guessed faster than passwords.
 */
export async function authenticate(credentials: unknown, ip: string): Promise<{ id: number; email: string; name: string | null } | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  if (await isLoginBlocked(email, ip)) return null;
  const user = await db().adminUser.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, totpEnabledAt: true } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabledAt || (user.totpEnabledAt && !(await acceptSignInCode(user.id, code)))) {
    await recordLoginFailure(email, ip);
    return null;
  }
  await recordLoginSuccess(email);
  await db().adminUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name };
}
