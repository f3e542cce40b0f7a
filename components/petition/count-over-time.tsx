import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { textDirectionOf } from "@/lib/i18n/locales";
import type { SeriesPoint } from "@/lib/petition/counts";

const WIDTH = 720;
const HEIGHT = 140;
const DAY = 86_400_000;

/**
 * The confirmed count over time, by day: a line drawn on the server (no script), the same figures
 * in a table for screen readers and anyone who wants them, and the data's address for reuse
 * (docs/api.md). Time runs in the reading direction: from the right in Urdu.
 */
export async function CountOverTime({ days, apiPath, open = false }: { days: SeriesPoint[]; apiPath: string; open?: boolean }) {
  if (days.length === 0) return null;
  const [t, format, locale] = await Promise.all([getTranslations("Petition.overTime"), getFormatter(), getLocale()]);
  const rtl = textDirectionOf(locale) === "rtl";
  const first = days[0]!.start.getTime();
  const end = days[days.length - 1]!.start.getTime() + DAY;
  const max = Math.max(1, ...days.map((day) => day.total));
  const x = (time: number) => {
    const along = ((time - first) / (end - first)) * WIDTH;
    return rtl ? WIDTH - along : along;
  };
  const y = (total: number) => HEIGHT - (Math.max(0, total) / max) * HEIGHT;
  // A step line: each day's total holds until the next change.
  const line = days.flatMap((day, index) => {
    const from = day.start.getTime();
    const to = days[index + 1]?.start.getTime() ?? end;
    return [`${x(from).toFixed(1)},${y(day.total).toFixed(1)}`, `${x(to).toFixed(1)},${y(day.total).toFixed(1)}`];
  });
  const date = (value: Date) => format.dateTime(value, { dateStyle: "medium", timeZone: "UTC" });
  const last = days[days.length - 1]!;
  return (
    <section aria-labelledby="over-time-heading" className="count-over-time">
      <h3 id="over-time-heading">{t("heading")}</h3>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} className="chart" role="img" aria-label={t("summary", { from: date(days[0]!.start), to: date(last.start), total: last.total })} direction="ltr">
        <polyline points={`${x(first).toFixed(1)},${HEIGHT} ${line.join(" ")}`} className="chart-line" />
        <text x={0} y={HEIGHT + 16} className="chart-label">
          {date(rtl ? last.start : days[0]!.start)}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="chart-label">
          {date(rtl ? days[0]!.start : last.start)}
        </text>
      </svg>
      <details open={open}>
        <summary>{t("table")}</summary>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("day")}</th>
                <th scope="col">{t("change")}</th>
                <th scope="col">{t("total")}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.start.toISOString()}>
                  <td>{date(day.start)}</td>
                  <td>{format.number(day.change, { signDisplay: "exceptZero" })}</td>
                  <td>{format.number(day.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <p className="muted small">
        {t("note")} <a href={apiPath}>{t("data")}</a>
      </p>
    </section>
  );
}
