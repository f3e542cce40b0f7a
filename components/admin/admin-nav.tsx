import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { mustSetUpTwoFactor, type StaffUser } from "@/lib/auth/session";
import { paths } from "@/lib/paths";

export async function AdminNav({ staff }: { staff: StaffUser }) {
  const t = await getTranslations("Admin.nav");
  const account = { href: paths.adminAccount(), label: t("account") };
  const staffLinks = [
    { href: paths.admin(), label: t("dashboard") },
    { href: paths.adminSignatures(), label: t("signatures") },
    { href: paths.adminAudit(), label: t("audit") },
    { href: paths.adminIntegrity(), label: t("integrity") },
    ...(staff.role === "ADMIN"
      ? [
          { href: paths.adminCampaigns(), label: t("campaigns") },
          { href: paths.adminAccounts(), label: t("accounts") },
        ]
      : []),
  ];
  // An admin who must first set up two-factor sign-in can open nothing else.
  const links = mustSetUpTwoFactor(staff) ? [account] : [...staffLinks, account];
  return (
    <nav className="admin-nav" aria-label={t("label")}>
      <div className="container admin-nav-inner">
        <ul>
          {links.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
        <p className="admin-who">
          {t("signedInAs", { email: staff.email, role: t(`role.${staff.role}`) })} <SignOutButton label={t("signOut")} />
        </p>
      </div>
    </nav>
  );
}
