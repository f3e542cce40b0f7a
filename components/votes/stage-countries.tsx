import { getFormatter, getTranslations } from "next-intl/server";
import { CountryName } from "@/components/votes/country-name";
import { groupByVote, type Stage } from "@/lib/votes/results";

/**
 * Who voted against at one stage, by name (every record names them). Every other vote, and what each
 * record leaves unnamed, is in the votes page's table (components/votes/vote-table.tsx).
 */
export async function StageCountries({ stage }: { stage: Stage }) {
  const [t, format] = await Promise.all([getTranslations("Votes"), getFormatter()]);
  const against = groupByVote(stage.votes).NO;
  const headingId = `countries-${stage.key}`;
  const listId = `${headingId}-no`;
  return (
    <section className="stage-countries" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("stageHeading", { body: stage.body, date: format.dateTime(stage.date, { dateStyle: "long" }) })}</h3>
      {stage.note && <p className="note">{stage.note}</p>}
      {against.length > 0 && (
        <div className="country-group">
          <h4 id={listId}>
            <span className="swatch vote-no" aria-hidden="true" />
            {t("countriesHeading", { vote: t("vote.NO"), count: against.length })}
          </h4>
          <ul className="columns" aria-labelledby={listId}>
            {against.map((row) => (
              <li key={row.iso3}>
                <CountryName iso3={row.iso3} name={row.name} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
