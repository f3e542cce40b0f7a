import { InLanguage } from "@/components/ui/in-language";
import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { filterQuery } from "@/lib/moderation/filter";
import { confirmationRate, type StatusCounts } from "@/lib/moderation/stats";
import { paths } from "@/lib/paths";
import { confirmedByCountry } from "@/lib/petition/counts";
import { SIGNATURE_STATUSES } from "@/lib/petition/states";

type CampaignCounts = { id: number; title: string; slug: string; locale: string; counts: StatusCounts };

/** Per campaign: counts by status, the confirmation rate, and the confirmed signatures by country. */
export async function CampaignStats({ campaigns }: { campaigns: CampaignCounts[] }) {
  const [t, ts, format] = await Promise.all([getTranslations("AdminDashboard"), getTranslations("AdminModeration.status"), getFormatter()]);
  const locale = await getLocale();
  const countries = await Promise.all(campaigns.map((campaign) => confirmedByCountry(campaign.id)));
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading">{t("perCampaign")}</h2>
      {campaigns.map((campaign, index) => {
        const rate = confirmationRate(campaign.counts);
        return (
          <article key={campaign.id} className="card" aria-labelledby={`campaign-${campaign.id}`}>
            <h3 id={`campaign-${campaign.id}`}>
              <InLanguage lang={campaign.locale}>{campaign.title}</InLanguage>
            </h3>
            <p className="small">
              {SIGNATURE_STATUSES.map((status) => (
                <span key={status}>
                  <Link href={paths.adminSignatures(filterQuery({ campaign: campaign.id, status }))}>
                    {ts(status)}: {format.number(campaign.counts[status])}
                  </Link>{" "}
                </span>
              ))}
              · {t("rate")}: {rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 1 })}
            </p>
            <h4>{t("byCountry")}</h4>
            {countries[index]!.length === 0 ? (
              <p className="muted small">{t("noneConfirmed")}</p>
            ) : (
              <ol className="columns small">
                {countries[index]!.slice(0, 20).map((row) => (
                  <li key={row.country}>
                    {countryName(row.country, locale)}: {format.number(row.confirmed)}
                  </li>
                ))}
              </ol>
            )}
          </article>
        );
      })}
    </section>
  );
}
