import { getFormatter, getTranslations } from "next-intl/server";
import { AccountRowActions } from "@/components/admin/accounts/account-row-actions";
import { ResetTwoFactorForm } from "@/components/admin/accounts/reset-two-factor-form";
import type { AccountRow } from "@/lib/accounts/queries";
import type { TwoFactorState } from "@/lib/auth/two-factor/queries";

export async function AccountsTable({ accounts, currentId, twoFactor }: { accounts: AccountRow[]; currentId: number; twoFactor: Map<number, TwoFactorState> }) {
  const [t, tf, format] = await Promise.all([getTranslations("AdminAccounts"), getTranslations("AdminTwoFactor"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  if (accounts.length === 0) return <p>{t("table.empty")}</p>;

  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{t("table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.email")}</th>
            <th scope="col">{t("table.name")}</th>
            <th scope="col">{t("table.role")}</th>
            <th scope="col">{t("table.status")}</th>
            <th scope="col">{tf("column")}</th>
            <th scope="col">{t("table.lastLogin")}</th>
            <th scope="col">{t("table.created")}</th>
            <th scope="col">{t("table.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id}>
              <th scope="row">
                {account.email} {account.id === currentId && <span className="muted">{t("table.you")}</span>}
              </th>
              <td>{account.name ?? t("table.noName")}</td>
              <td>{t(`role.${account.role}`)}</td>
              <td>
                <span className="status">{account.disabledAt ? t("status.disabled", { date: when(account.disabledAt) }) : t("status.enabled")}</span>
              </td>
              <td>
                {tf(`state.${twoFactor.get(account.id) ?? "off"}`)}
                {/* Recovery for others; one's own is turned off on one's account page, with a code. */}
                {account.id !== currentId && <ResetTwoFactorForm id={account.id} email={account.email} canReset={(twoFactor.get(account.id) ?? "off") !== "off"} />}
              </td>
              <td>{account.lastLoginAt ? when(account.lastLoginAt) : t("table.never")}</td>
              <td>{when(account.createdAt)}</td>
              <td>
                <AccountRowActions id={account.id} email={account.email} role={account.role} enabled={account.disabledAt === null} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
