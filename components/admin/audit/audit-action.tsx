import { getTranslations } from "next-intl/server";
import { isAuditAction } from "@/lib/audit/actions";

/**
 * An audit entry's action in the reader's language ("account.sign-in-throttled" is looked up as
 * AdminAudit.actions.account.sign-in-throttled), then the action as recorded (what support and
 * searches go by), and the account it concerns when the entry names one. An action without a text
 * yet is shown as recorded only.
 */
export async function AuditAction({ action, details }: { action: string; details: unknown }) {
  const t = await getTranslations("AdminAudit.actions");
  const label = isAuditAction(action) ? t(action) : null;
  const email = typeof details === "object" && details !== null && typeof (details as { email?: unknown }).email === "string" ? (details as { email: string }).email : null;
  return (
    <>
      {label && (
        <>
          {label}
          <br />
        </>
      )}
      <code className="hint">{action}</code>
      {email && (
        <>
          <br />
          <bdi className="hint">{email}</bdi>
        </>
      )}
    </>
  );
}
