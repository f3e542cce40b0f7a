import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { paths } from "@/lib/paths";
import type { CampaignReach } from "@/lib/sharing/queries";

/** Top channels (utm_source) and top referrers, each with all signatures and those that count. */
export async function ReachTables({ reach }: { reach: CampaignReach }) {
  const [t, format] = await Promise.all([getTranslations("AdminReach"), getFormatter()]);
  const locale = await getLocale();
  const n = (value: number) => format.number(value);
  return (
    <>
      <h2 id="sources-heading">{t("sourcesHeading")}</h2>
      <p>{t("sourcesIntro")}</p>
      <div className="table-wrap">
        <table className="data" aria-labelledby="sources-heading">
          <thead>
            <tr>
              <th scope="col">{t("source")}</th>
              <th scope="col">{t("confirmed")}</th>
              <th scope="col">{t("signatures")}</th>
            </tr>
          </thead>
          <tbody>
            {reach.sources.map((row) => (
              <tr key={row.source ?? ""}>
                <th scope="row">{row.source ?? <span className="muted">{t("direct")}</span>}</th>
                <td>{n(row.confirmed)}</td>
                <td>{n(row.signatures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {reach.sources.length === 0 && <p className="muted">{t("none")}</p>}

      <h2 id="referrers-heading">{t("referrersHeading")}</h2>
      <p>{t("referrersIntro", { signatures: reach.referred.signatures, confirmed: reach.referred.confirmed })}</p>
      {reach.referrers.length > 0 ? (
        <div className="table-wrap">
          <table className="data" aria-labelledby="referrers-heading">
            <thead>
              <tr>
                <th scope="col">{t("referrer")}</th>
                <th scope="col">{t("country")}</th>
                <th scope="col">{t("confirmed")}</th>
                <th scope="col">{t("signatures")}</th>
              </tr>
            </thead>
            <tbody>
              {reach.referrers.map((row) => (
                <tr key={row.id}>
                  <th scope="row">
                    <Link href={paths.adminSignature(row.id)}>{row.fullName}</Link>
                  </th>
                  <td>{countryName(row.country, locale)}</td>
                  <td>{n(row.confirmed)}</td>
                  <td>{n(row.signatures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("none")}</p>
      )}
    </>
  );
}
