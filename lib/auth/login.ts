import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { isLoginBlocked, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/throttle";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(1000) });

/**
 * Checks staff credentials. Returns the account or null; every failure (unknown account, wrong
 * password, disabled account, too many attempts) gives the same null, so nothing about accounts leaks.
 */
export async function authenticate(credentials: unknown, ip: string): Promise<{ id: number; email: string; name: string | null } | null> {
  const parsed = credentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  if (await isLoginBlocked(email, ip)) return null;
  const user = await db().adminUser.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true } });
  const ok = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !ok || user.disabledAt) {
    await recordLoginFailure(email, ip);
    return null;
  }
  await recordLoginSuccess(email);
  await db().adminUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name };
}
