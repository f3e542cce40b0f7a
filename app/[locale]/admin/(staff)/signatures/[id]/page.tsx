import { InLanguage } from "@/components/ui/in-language";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ModerationForm } from "@/components/admin/moderation/moderation-form";
import { DetailsList } from "@/components/ui/details-list";
import { requireStaff } from "@/lib/auth/session";
import { countryName } from "@/lib/countries";
import { getSignature } from "@/lib/moderation/queries";
import { actionsFor } from "@/lib/moderation/service";
import { REASON_OF } from "@/lib/privacy/integrity";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export default async function SignaturePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const id = Number((await params).id);
  const found = Number.isInteger(id) && id > 0 ? await getSignature(id) : null;
  if (!found) notFound();
  const { signature, audit } = found;
  const [t, ts, tr, format] = await Promise.all([getTranslations("AdminSignatures"), getTranslations("AdminModeration.status"), getTranslations("Integrity.reason"), getFormatter()]);
  const locale = await getLocale();
  const actions = actionsFor(signature, staff.role);
  const date = (value: Date | null) => (value ? format.dateTime(value, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const rows: [string, React.ReactNode][] = [
    [t("name"), signature.fullName],
    [t("email"), signature.email],
    [t("country"), `${countryName(signature.country, locale)} (${signature.country})`],
    [t("status"), ts(signature.status)],
    // Who or what set the state, in words, then a moderator's own words if they gave any.
    [t("statusReason"), [signature.reasonCode && tr(REASON_OF[signature.reasonCode]), signature.statusReason].filter(Boolean).join(": ") || "—"],
    [t("campaign"), <InLanguage key="campaign" lang={signature.campaign.locale}>{signature.campaign.title}</InLanguage>],
    [t("comment"), signature.comment ? `${signature.comment}${signature.commentHidden ? ` (${t("commentHidden")})` : ""}` : "—"],
    [t("showName"), signature.showName ? t("yes") : t("no")],
    [t("mayContact"), signature.mayContact ? t("yes") : t("no")],
    [t("signedAt"), date(signature.createdAt)],
    [t("confirmedAt"), date(signature.confirmedAt)],
  ];
  return (
    <>
      <h1>{t("detailTitle", { name: signature.fullName })}</h1>
      <DetailsList rows={rows} />
      {actions.length > 0 && <ModerationForm id={signature.id} actions={actions} />}
      <h2>{t("history")}</h2>
      {audit.length === 0 ? (
        <p className="muted">{t("noHistory")}</p>
      ) : (
        <ul>
          {audit.map((entry) => (
            <li key={entry.id}>
              {date(entry.createdAt)}: {entry.action} {t("by", { who: entry.actorEmail ?? t("system") })}
              {entry.reason ? ` (${entry.reason})` : ""}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
