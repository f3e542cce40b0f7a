import { getFormatter, getTranslations } from "next-intl/server";
import { CountryName } from "@/components/votes/country-name";
import { groupByVote, type CountryVoteRow, type Stage, type Vote } from "@/lib/votes/results";

/**
 * The countries of one stage by position. Only votes the record establishes are listed: when the record
 * names just some countries, the others appear as a number, never as a vote. `only`: list just these
 * votes (the campaign page lists who voted against; the votes page has every country in a table).
 */
export async function StageCountries({ stage, only }: { stage: Stage; only?: Vote[] }) {
  const [t, format] = await Promise.all([getTranslations("Votes"), getFormatter()]);
  const groups = groupByVote(stage.votes);
  const headingId = `countries-${stage.key}`;
  const named = (stage.namesComplete ? (["YES", "NO", "ABSTAIN", "ABSENT"] as Vote[]) : (["NO", "ABSTAIN"] as Vote[])).filter((vote) => !only || only.includes(vote));
  return (
    <section className="stage-countries" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("stageHeading", { body: stage.body, date: format.dateTime(stage.date, { dateStyle: "long" }) })}</h3>
      {stage.note && <p className="note">{stage.note}</p>}
      {!stage.namesComplete && !only && (
        <ul className="unnamed">
          <li>{t("yesNotNamed", { count: stage.yes })}</li>
          {stage.notVoting > 0 && <li>{t("notVotingNotNamed", { count: stage.notVoting })}</li>}
          <li>{t("unknownExplained", { count: groups.UNKNOWN.length })}</li>
        </ul>
      )}
      {named.map((vote) => (
        <CountryGroup key={vote} id={`${headingId}-${vote.toLowerCase()}`} vote={vote} rows={groups[vote]} />
      ))}
    </section>
  );
}

async function CountryGroup({ id, vote, rows }: { id: string; vote: Vote; rows: CountryVoteRow[] }) {
  const t = await getTranslations("Votes");
  if (rows.length === 0) return null;
  return (
    <div className="country-group">
      <h4 id={id}>
        <span className={`swatch vote-${vote.toLowerCase()}`} aria-hidden="true" />
        {t("countriesHeading", { vote: t(`vote.${vote}`), count: rows.length })}
      </h4>
      <ul className="columns" aria-labelledby={id}>
        {rows.map((row) => (
          <li key={row.iso3}>
            <CountryName iso3={row.iso3} name={row.name} />
          </li>
        ))}
      </ul>
    </div>
  );
}
