import { getFormatter, getTranslations } from "next-intl/server";
import { SIGNATURE_STATUSES } from "@/lib/petition/states";
import { INTEGRITY_REASONS, type IntegrityReport as Report } from "@/lib/privacy/integrity";

const ORDER = SIGNATURE_STATUSES;

/** How the count is kept honest: every signature by state, with the reasons for those not counted. */
export async function IntegrityReport({ report }: { report: Report }) {
  const [t, format] = await Promise.all([getTranslations("Integrity"), getFormatter()]);
  return (
    <section aria-labelledby="integrity-heading" className="integrity">
      <h2 id="integrity-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <table className="data">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("state")}</th>
            <th scope="col">{t("signatures")}</th>
            <th scope="col">{t("why")}</th>
          </tr>
        </thead>
        <tbody>
          {ORDER.map((status) => (
            <tr key={status}>
              <th scope="row">{t(`status.${status}`)}</th>
              <td>{format.number(report.counts[status])}</td>
              <td>
                {report.reasons[status]
                  ? INTEGRITY_REASONS.flatMap((reason) => {
                      const count = report.reasons[status]?.[reason];
                      return count ? [`${t(`reason.${reason}`)}: ${format.number(count)}`] : [];
                    }).join("; ")
                  : t(`explain.${status}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t("updated", { time: format.dateTime(new Date(report.updatedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
    </section>
  );
}
