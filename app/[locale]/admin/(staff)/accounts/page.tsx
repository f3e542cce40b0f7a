import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountMessages } from "@/components/admin/accounts/account-messages";
import { AccountsTable } from "@/components/admin/accounts/accounts-table";
import { NewAccountForm } from "@/components/admin/accounts/new-account-form";
import { listAccounts } from "@/lib/accounts/queries";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";
import { requireAdmin } from "@/lib/auth/session";
import { twoFactorStates } from "@/lib/auth/two-factor/queries";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminAccounts");
  return { title: t("title") };
}

export default async function AccountsPage() {
  // First thing, before any read: moderators get 403, anonymous visitors the login page.
  const me = await requireAdmin();
  const [accounts, twoFactor, t] = await Promise.all([listAccounts(), twoFactorStates(), getTranslations("AdminAccounts")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <AccountMessages>
        <AccountsTable accounts={accounts} currentId={me.id} twoFactor={twoFactor} />
        <h2 id="new-account">{t("create.title")}</h2>
        <p>{t("create.intro")}</p>
        <NewAccountForm passwordMinLength={PASSWORD_MIN_LENGTH} />
      </AccountMessages>
    </>
  );
}
