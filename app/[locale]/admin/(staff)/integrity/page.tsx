import { textDirectionOf } from "@/lib/i18n/locales";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/session";
import { filterQuery } from "@/lib/moderation/filter";
import { busyAddresses, busyDomains, type VolumeRow } from "@/lib/moderation/integrity";
import { campaignChoices } from "@/lib/moderation/queries";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export default async function IntegrityPage({ searchParams }: { searchParams: Promise<{ campaign?: string }> }) {
  await requireStaff();
  const [{ campaign: raw }, campaigns, t] = await Promise.all([searchParams, campaignChoices(), getTranslations("AdminIntegrity")]);
  const campaign = campaigns.find((c) => String(c.id) === raw) ?? campaigns[0];
  if (!campaign) return <p>{t("noCampaign")}</p>;
  const [addresses, domains] = await Promise.all([busyAddresses(campaign.id), busyDomains(campaign.id)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <form method="get" className="filters">
        <div className="field">
          <label htmlFor="i-campaign">{t("campaign")}</label>
          <select id="i-campaign" name="campaign" defaultValue={campaign.id}>
            {campaigns.map((c) => (
              <option key={c.id} value={c.id} lang={c.locale} dir={textDirectionOf(c.locale)}>
                {c.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("show")}
        </button>
      </form>
      <p>
        <Link href={paths.adminSignatures(filterQuery({ campaign: campaign.id, status: "QUARANTINED" }))}>{t("quarantine")}</Link>
      </p>
      <VolumeTable title={t("addresses")} rows={addresses} filterKey="client" campaignId={campaign.id} />
      <VolumeTable title={t("domains")} rows={domains} filterKey="domain" campaignId={campaign.id} />
      <p className="muted small">{t("howTo")}</p>
    </>
  );
}

/** That hour only, so that acting on the row touches the burst and not the rest of the day. */
const hourWindow = (hour: Date) => ({ since: hour.toISOString(), until: new Date(hour.getTime() + 3_600_000).toISOString() });

async function VolumeTable({ title, rows, filterKey, campaignId }: { title: string; rows: VolumeRow[]; filterKey: "client" | "domain"; campaignId: number }) {
  const [t, format] = await Promise.all([getTranslations("AdminIntegrity"), getFormatter()]);
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("nothingUnusual")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("hour")}</th>
                <th scope="col">{filterKey === "client" ? t("address") : t("domain")}</th>
                <th scope="col">{t("signatures")}</th>
                <th scope="col">{t("counted")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.hour.toISOString()}-${row.key}`}>
                  <td>{format.dateTime(row.hour, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td>
                    <Link href={paths.adminSignatures(filterQuery({ campaign: campaignId, [filterKey]: row.key, ...hourWindow(row.hour) }))}>
                      {filterKey === "client" ? `${row.key.slice(0, 12)}…` : row.key}
                    </Link>
                  </td>
                  <td>{format.number(row.signatures)}</td>
                  <td>{format.number(row.counted)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
