import { getFormatter, getTranslations } from "next-intl/server";
import type { QueueStatus } from "@/lib/email/queue";

/**
 * The mail queue at a glance: signers are told "check your email" whatever the mail server does, so a
 * server that refuses or is away must show here (lib/email/queue.ts retries for about 9 hours).
 */
export async function MailQueue({ status }: { status: QueueStatus }) {
  const [t, format] = await Promise.all([getTranslations("AdminDashboard.mail"), getFormatter()]);
  // Mail normally leaves within seconds: minutes of waiting or anything given up needs a look.
  const trouble = status.oldestSeconds > 300 || status.failedLastDay > 0;
  return (
    <section aria-labelledby="mail-heading">
      <h2 id="mail-heading">{t("heading")}</h2>
      <p className={trouble ? "notice" : undefined} data-testid="mail-queue">
        {status.queued === 0 ? t("empty") : t("waiting", { count: status.queued, minutes: Math.floor(status.oldestSeconds / 60) })}{" "}
        {status.failedLastDay > 0 && t("failed", { count: status.failedLastDay })}
      </p>
      {trouble && status.lastError && (
        <p className="small">
          {t("lastError")} <code>{status.lastError}</code>
        </p>
      )}
      {trouble && <p className="small">{t("advice", { hours: format.number(9) })}</p>}
    </section>
  );
}
