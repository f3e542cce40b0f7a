import { getFormatter, getTranslations } from "next-intl/server";
import type { Stage } from "@/lib/votes/results";

/** The records each stage's figures come from. `level`: the heading level of the section (its stages one below). */
export async function VoteSources({ stages, level = 3 }: { stages: Stage[]; level?: 2 | 3 }) {
  const Heading = `h${level}` as const;
  const StageHeading = `h${level + 1}` as "h3" | "h4";
  const [t, format] = await Promise.all([getTranslations("Votes"), getFormatter()]);
  return (
    <section aria-labelledby="sources-heading" className="sources">
      <Heading id="sources-heading">{t("sourcesHeading")}</Heading>
      {stages.map((stage) => (
        <div key={stage.key}>
          <StageHeading>{t("stageHeading", { body: stage.body, date: format.dateTime(stage.date, { dateStyle: "long" }) })}</StageHeading>
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
