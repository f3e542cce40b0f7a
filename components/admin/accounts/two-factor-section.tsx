import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AccountMessages } from "@/components/admin/accounts/account-messages";
import { ConfirmTwoFactorForm, DisableTwoFactorForm, StartTwoFactorForm } from "@/components/admin/accounts/two-factor-forms";
import type { TwoFactorStatus } from "@/lib/auth/two-factor/service";
import { paths } from "@/lib/paths";

/** The key as apps show it: groups of four. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * The staff member's two-factor sign-in: off (a button to set it up), being set up (the QR code and
 * the key, then a code to confirm), or on (a code to turn it off, unless admins must keep it).
 */
export async function TwoFactorSection({ status, required, mayTurnOff }: { status: TwoFactorStatus; required: boolean; mayTurnOff: boolean }) {
  const [t, format] = await Promise.all([getTranslations("AdminTwoFactor"), getFormatter()]);
  return (
    <section aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">{t("heading")}</h2>
      {required && status.state !== "on" && <p className="notice">{t("required")}</p>}
      <p>{t("intro")}</p>
      <AccountMessages>
        {status.state === "off" && (
          <>
            <p>{t("off")}</p>
            <StartTwoFactorForm restart={false} />
          </>
        )}
        {status.state === "pending" && (
          <>
            <p>{t("pendingIntro")}</p>
            <ol>
              <li>
                <p>{t("scan")}</p>
                {/* A data: URI made here: next/image would have nothing to optimise. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={`data:image/svg+xml;base64,${Buffer.from(status.qrSvg).toString("base64")}`} alt={t("qrAlt")} width={200} height={200} />
              </li>
              <li>
                <p>{t("manual")}</p>
                <p>
                  <code data-testid="two-factor-key">{grouped(status.secret)}</code>
                </p>
              </li>
              <li>
                <p>{t("enterCode")}</p>
                <ConfirmTwoFactorForm />
              </li>
            </ol>
            <StartTwoFactorForm restart />
          </>
        )}
        {status.state === "on" && (
          <>
            <p>{t("on", { date: format.dateTime(status.since, { dateStyle: "medium", timeStyle: "short" }) })}</p>
            <p className="hint">{t("onHint")}</p>
            {required && (
              <p>
                <Link href={paths.admin()}>{t("continue")}</Link>
              </p>
            )}
            {mayTurnOff ? (
              <>
                <p>{t("disableIntro")}</p>
                <DisableTwoFactorForm />
              </>
            ) : (
              <p>{t("keepRequired")}</p>
            )}
          </>
        )}
      </AccountMessages>
    </section>
  );
}
