import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TokenPage } from "@/components/petition/token-page";
import { confirmAction } from "@/lib/petition/actions";
import { countryName } from "@/lib/countries";
import { describeToken } from "@/lib/petition/queries";

// Per visitor (a token, a result, a session): rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

// The token is in the address: keep it out of search engines and of Referer headers sent to other
// sites ("same-origin", not "no-referrer", which makes the browser send Origin: null and Next then
// rejects the Confirm button's POST without JavaScript).
export const metadata: Metadata = { robots: { index: false }, referrer: "same-origin" };

export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link, locale, format] = await Promise.all([getTranslations("Petition.confirm"), describeToken(token, "CONFIRM"), getLocale(), getFormatter()]);
  const title = link?.campaign.title ?? "";
  if (link?.status === "CONFIRMED") return <TokenPage namespace="Petition.confirm" title={title} message={t("alreadyConfirmed")} problem={false} />;
  // Closed, and the grace for confirmations is over: said plainly, with the day it closed.
  if (link && link.status === "PENDING" && link.closed && link.endedAt) {
    return <TokenPage namespace="Petition.confirm" title={title} message={t("closed", { date: format.dateTime(link.endedAt, { dateStyle: "long" }) })} problem />;
  }
  if (!link || link.used || link.status !== "PENDING" || link.closed) return <TokenPage namespace="Petition.confirm" title={title} message={t("invalid")} problem />;
  if (link.expired) return <TokenPage namespace="Petition.confirm" title={title} message={t("expired")} problem />;
  return (
    <TokenPage
      namespace="Petition.confirm"
      title={title}
      message={t("body", { title })}
      problem={false}
      form={{ action: confirmAction, token, button: t("button") }}
      details={{
        heading: t("detailsHeading"),
        rows: [
          { label: t("name"), value: link.submitted.fullName },
          { label: t("country"), value: countryName(link.submitted.country, locale) || link.submitted.country },
          ...(link.submitted.comment ? [{ label: t("comment"), value: link.submitted.comment }] : []),
        ],
        note: t("notYours"),
      }}
    />
  );
}
