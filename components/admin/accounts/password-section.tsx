import { getTranslations } from "next-intl/server";
import { AccountMessages } from "@/components/admin/accounts/account-messages";
import { PasswordChangeForm } from "@/components/admin/accounts/password-change-form";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";

/** The staff member's own password, on their account page. */
export async function PasswordSection() {
  const t = await getTranslations("AdminPassword");
  return (
    <section aria-labelledby="password-heading">
      <h2 id="password-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <AccountMessages>
        <PasswordChangeForm minLength={PASSWORD_MIN_LENGTH} />
      </AccountMessages>
    </section>
  );
}
