import { getFormatter, getTranslations } from "next-intl/server";

type Day = { day: string; signed: number; confirmed: number };

const WIDTH = 720;
const HEIGHT = 160;

/** Signatures per day as bars drawn on the server, with the same figures in a table for screen readers. */
export async function DailyChart({ days }: { days: Day[] }) {
  const [t, format] = await Promise.all([getTranslations("AdminDashboard"), getFormatter()]);
  const max = Math.max(1, ...days.map((day) => day.signed));
  const step = WIDTH / days.length;
  return (
    <section aria-labelledby="daily-heading">
      <h2 id="daily-heading">{t("perDay")}</h2>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} className="chart" aria-hidden="true">
        {days.map((day, index) => {
          const signed = (day.signed / max) * HEIGHT;
          const confirmed = (day.confirmed / max) * HEIGHT;
          return (
            <g key={day.day} transform={`translate(${index * step},0)`}>
              <rect x={2} y={HEIGHT - signed} width={step - 4} height={signed} className="bar-signed" />
              <rect x={2} y={HEIGHT - confirmed} width={step - 4} height={confirmed} className="bar-confirmed" />
            </g>
          );
        })}
        <text x={0} y={HEIGHT + 16} className="chart-label">
          {days[0]?.day}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="chart-label">
          {days[days.length - 1]?.day}
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
