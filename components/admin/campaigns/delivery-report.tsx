import { getFormatter, getTranslations } from "next-intl/server";
import { IntegrityReport } from "@/components/campaigns/integrity-report";
import { CountOverTime } from "@/components/petition/count-over-time";
import { CountryCounts } from "@/components/petition/country-counts";
import type { DeliveryReport as Report } from "@/lib/campaigns/delivery-report";

/** The hand-in record's figures (lib/campaigns/delivery-report.ts), laid out to print. */
export async function DeliveryReportFigures({ report, apiPath }: { report: Report; apiPath: string }) {
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
      <CountryCounts counts={report.byCountry} all />
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
