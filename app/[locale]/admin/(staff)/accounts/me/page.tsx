import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PasswordSection } from "@/components/admin/accounts/password-section";
import { TwoFactorSection } from "@/components/admin/accounts/two-factor-section";
import { mustSetUpTwoFactor, requireStaffForTwoFactorSetup } from "@/lib/auth/session";
import { adminTwoFactorRequired } from "@/lib/auth/two-factor/config";
import { twoFactorStatus } from "@/lib/auth/two-factor/service";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminTwoFactor");
  return { title: t("title") };
}

// The signed-in staff member's own account (any role): two-factor sign-in and password. Also where an
// admin who must use two-factor sign-in (REQUIRE_ADMIN_TOTP) is sent until it is set up, so it does
// not use requireStaff().
export default async function MyAccountPage() {
  const staff = await requireStaffForTwoFactorSetup();
  const [status, t, nav] = await Promise.all([twoFactorStatus(staff.id), getTranslations("AdminTwoFactor"), getTranslations("Admin.nav")]);
  const adminMustKeep = staff.role === "ADMIN" && adminTwoFactorRequired();
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("signedInAs", { email: staff.email, role: nav(`role.${staff.role}`) })}</p>
      <TwoFactorSection status={status} required={mustSetUpTwoFactor(staff) || adminMustKeep} mayTurnOff={!adminMustKeep} />
      {/* An admin who must first set up two-factor sign-in may do nothing else here either. */}
      {!mustSetUpTwoFactor(staff) && <PasswordSection />}
    </>
  );
}
