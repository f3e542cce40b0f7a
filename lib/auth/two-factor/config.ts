// REQUIRE_ADMIN_TOTP=true: admins must use two-factor sign-in. An admin without it is sent to set it
// up (lib/auth/session.ts) and may do nothing else until then; nor may an admin turn it off.
export function adminTwoFactorRequired(env: Record<string, string | undefined> = process.env): boolean {
  return /^(1|true|yes|on)$/i.test(env.REQUIRE_ADMIN_TOTP?.trim() ?? "");
}
