import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LettersBySite } from "@/components/letters/letters-by-site";
import { DetailsList } from "@/components/ui/details-list";
import { countryName } from "@/lib/countries";
import { lettersBySiteFor } from "@/lib/letters/by-site";
import { localised, paths } from "@/lib/paths";
import { ownData } from "@/lib/privacy/own-data";

// Per visitor (a token, a result, a session): rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ sent?: string | string[] }> };

export default async function MyDataPage({ params, searchParams }: Props) {
  const [{ token }, { sent }] = await Promise.all([params, searchParams]);
  const [t, ts, data, letters] = await Promise.all([getTranslations("Petition.myData"), getTranslations("AdminModeration.status"), ownData(token), lettersBySiteFor(token)]);
  const locale = await getLocale();
  if (!data) {
    return (
      <div className="container narrow">
        <h1>{t("title")}</h1>
        <p className="notice" role="alert">
          {t("invalid")}
        </p>
      </div>
    );
  }
  const rows: [string, string][] = [
    [t("name"), data.fullName],
    [t("email"), data.email],
    [t("country"), countryName(data.country, locale)],
    [t("comment"), data.comment ?? "—"],
    [t("showName"), data.showName ? t("yes") : t("no")],
    [t("mayContact"), data.mayContact ? t("yes") : t("no")],
    [t("status"), ts(data.status)],
    [t("signedAt"), data.signedAt],
    [t("confirmedAt"), data.confirmedAt ?? "—"],
  ];
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("body", { title: data.campaign })}</p>
      {data.shareUrl && (
        <section aria-labelledby="referrals-heading">
          <h2 id="referrals-heading">{t("referralsHeading")}</h2>
          <p className="lead" data-testid="referral-count">
            {t("referrals", { count: data.confirmedReferrals })}
          </p>
          <p>
            {t("referralsShare")} <a href={data.shareUrl}>{data.shareUrl}</a>
          </p>
        </section>
      )}
      {letters && <LettersBySite token={token} offer={letters} sentTo={typeof sent === "string" ? sent : null} />}
      <DetailsList rows={rows} />
      <form method="post" action={localised(locale, paths.myDataDownload(token))}>
        <button type="submit" className="button">
          {t("download")}
        </button>
      </form>
    </div>
  );
}
