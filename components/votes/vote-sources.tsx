import { getFormatter, getTranslations } from "next-intl/server";
import type { Stage } from "@/lib/votes/results";

export async function VoteSources({ stages }: { stages: Stage[] }) {
  const [t, format] = await Promise.all([getTranslations("Votes"), getFormatter()]);
  return (
    <section aria-labelledby="sources-heading" className="sources">
      <h3 id="sources-heading">{t("sourcesHeading")}</h3>
      {stages.map((stage) => (
        <div key={stage.key}>
          <h4>{t("stageHeading", { body: stage.body, date: format.dateTime(stage.date, { dateStyle: "long" }) })}</h4>
          <ul>
            {stage.sources.map((source, index) => (
              <li key={index}>
                <strong>{t("sourceCovers", { covers: source.covers })}</strong>{" "}
                {source.url ? <a href={source.url}>{source.citation}</a> : <cite>{source.citation}</cite>}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
