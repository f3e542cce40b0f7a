import { getFormatter, getTranslations } from "next-intl/server";
import { confirmationRate, type StatusCounts } from "@/lib/moderation/stats";
import { SIGNATURE_STATUSES } from "@/lib/petition/states";

export async function StatusSummary({ counts }: { counts: StatusCounts }) {
  const [t, ts, format] = await Promise.all([getTranslations("AdminDashboard"), getTranslations("AdminModeration.status"), getFormatter()]);
  const rate = confirmationRate(counts);
  return (
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t("summary")}</h2>
      <div className="stats">
        {SIGNATURE_STATUSES.map((status) => (
          <p key={status} className="stat">
            <strong>{format.number(counts[status])}</strong> {ts(status)}
          </p>
        ))}
        <p className="stat">
          <strong>{rate === null ? "—" : format.number(rate, { style: "percent", maximumFractionDigits: 1 })}</strong> {t("rate")}
        </p>
      </div>
    </section>
  );
}
