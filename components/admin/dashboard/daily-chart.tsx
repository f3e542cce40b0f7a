import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { textDirectionOf } from "@/lib/i18n/locales";

type Day = { day: string; signed: number; confirmed: number };

const WIDTH = 720;
const HEIGHT = 160;

/**
 * Signatures per day as bars drawn on the server, with the same figures in a table for screen readers.
 * Time runs in the reading direction: from the right in Urdu. The drawing's coordinates are physical
 * (direction ltr on the svg), so that its labels do not flip a second time.
 */
export async function DailyChart({ days }: { days: Day[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("AdminDashboard"), getFormatter(), getLocale()]);
  const rtl = textDirectionOf(locale) === "rtl";
  const max = Math.max(1, ...days.map((day) => day.signed));
  const step = WIDTH / days.length;
  const x = (index: number) => (rtl ? WIDTH - (index + 1) * step : index * step);
  return (
    <section aria-labelledby="daily-heading">
      <h2 id="daily-heading">{t("perDay")}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} className="chart" aria-hidden="true" direction="ltr">
        {days.map((day, index) => {
          const signed = (day.signed / max) * HEIGHT;
          const confirmed = (day.confirmed / max) * HEIGHT;
          return (
            <g key={day.day} transform={`translate(${x(index)},0)`}>
              <rect x={2} y={HEIGHT - signed} width={step - 4} height={signed} className="bar-signed" />
              <rect x={2} y={HEIGHT - confirmed} width={step - 4} height={confirmed} className="bar-confirmed" />
            </g>
          );
        })}
        <text x={0} y={HEIGHT + 16} className="chart-label">
          {(rtl ? days[days.length - 1] : days[0])?.day}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="chart-label">
          {(rtl ? days[0] : days[days.length - 1])?.day}
        </text>
      </svg>
      <p className="legend small">
        <span className="swatch bar-signed" aria-hidden="true" /> {t("signed")} <span className="swatch bar-confirmed" aria-hidden="true" /> {t("confirmed")}
      </p>
      <details>
        <summary>{t("perDayTable")}</summary>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t("day")}</th>
                <th scope="col">{t("signed")}</th>
                <th scope="col">{t("confirmed")}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr key={day.day}>
                  <td>{day.day}</td>
                  <td>{format.number(day.signed)}</td>
                  <td>{format.number(day.confirmed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
