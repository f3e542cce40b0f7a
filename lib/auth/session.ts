import "server-only";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/options";
import { tokenSessionVersion } from "@/lib/auth/session-version";
import { adminTwoFactorRequired } from "@/lib/auth/two-factor/config";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";

export type StaffRole = "ADMIN" | "MODERATOR";
export type StaffUser = { id: number; email: string; name: string | null; role: StaffRole; twoFactor: boolean };

/** The account id and session version in the session cookie, if any. Kept apart so tests can stand in for the cookie. */
export async function sessionClaims(): Promise<{ id: number; version: number } | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sessionVersion?: unknown } | undefined;
  const id = Number(user?.id);
  return Number.isInteger(id) && id > 0 ? { id, version: tokenSessionVersion(user?.sessionVersion) } : null;
}

/**
 * The signed-in staff member, read from the database: disabled accounts and role changes apply at
 * once, and a session whose version is no longer the account's (signed out, password changed,
 * two-factor reset, account disabled: lib/auth/session-version.ts) counts as signed out.
 */
export const getStaff = cache(async (): Promise<StaffUser | null> => {
  const claims = await sessionClaims();
  if (claims === null) return null;
  const user = await db().adminUser.findUnique({
    where: { id: claims.id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, totpEnabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== claims.version) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, twoFactor: user.totpEnabledAt !== null };
});

/** With REQUIRE_ADMIN_TOTP on, an admin without two-factor sign-in may only set it up. */
export function mustSetUpTwoFactor(staff: StaffUser): boolean {
  return staff.role === "ADMIN" && !staff.twoFactor && adminTwoFactorRequired();
}

/**
 * Only for the staff member's own account page and its two-factor actions (and the admin layout
 * around them): any signed-in staff member, even one who must first set up two-factor sign-in.
 */
export async function requireStaffForTwoFactorSetup(): Promise<StaffUser> {
  const staff = await getStaff();
  if (!staff) redirect(await here(paths.adminLogin()));
  return staff;
}

/**
 * For pages, actions and routes open to moderators and admins. Anonymous callers go to the login
 * page; an admin who must set up two-factor sign-in goes to their account page.
 */
export async function requireStaff(): Promise<StaffUser> {
  const staff = await requireStaffForTwoFactorSetup();
  if (mustSetUpTwoFactor(staff)) redirect(await here(paths.adminAccount()));
  return staff;
}

/** For what only admins may do (export, campaigns, vote imports, accounts, deletion): others get 403. */
export async function requireAdmin(): Promise<StaffUser> {
  const staff = await requireStaff();
  if (staff.role !== "ADMIN") forbidden();
  return staff;
}
