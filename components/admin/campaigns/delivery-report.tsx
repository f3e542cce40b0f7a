import { getFormatter, getTranslations } from "next-intl/server";
import { IntegrityReport } from "@/components/campaigns/integrity-report";
import { CountOverTime } from "@/components/petition/count-over-time";
import { countryName } from "@/lib/countries";
import type { DeliveryReport as Report } from "@/lib/campaigns/delivery-report";
import { SMALL_COUNT } from "@/lib/petition/public-counts";

/** The hand-in record's figures (lib/campaigns/delivery-report.ts), laid out to print. */
export async function DeliveryReportFigures({ report, locale, apiPath }: { report: Report; locale: string; apiPath: string }) {
  const [t, format] = await Promise.all([getTranslations("AdminReport"), getFormatter()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return (
    <>
      <section aria-labelledby="report-total" className="report-total">
        <h2 id="report-total">{t("total", { count: report.confirmed })}</h2>
        <p>{t("generated", { date: when(report.generatedAt) })}</p>
        <p>
          {report.provisional
            ? t("provisional")
            : report.endedAt && report.confirmationsUntil
              ? t("final", { ended: when(report.endedAt), until: when(report.confirmationsUntil) })
              : t("notPublic")}
        </p>
      </section>
      <section aria-labelledby="report-countries">
        <h2 id="report-countries">{t("byCountry")}</h2>
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("country")}</th>
              <th scope="col">{t("signatures")}</th>
            </tr>
          </thead>
          <tbody>
            {report.byCountry.map((row) => (
              <tr key={row.country}>
                <th scope="row">{countryName(row.country, locale)}</th>
                <td>{row.signatures === "<5" ? t("few", { threshold: SMALL_COUNT }) : format.number(row.signatures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">{t("fewNote", { threshold: SMALL_COUNT })}</p>
      </section>
      <CountOverTime days={report.days} apiPath={apiPath} open />
      <IntegrityReport report={report.integrity} />
      {report.names && (
        <section aria-labelledby="report-names">
          <h2 id="report-names">{t("names")}</h2>
          <p className="muted small">{t("namesNote")}</p>
          <p className="report-names">{report.names.shown.join(", ")}</p>
          {report.names.more > 0 && <p>{t("namesMore", { count: report.names.more })}</p>}
        </section>
      )}
    </>
  );
}
