import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { countryDisplayName } from "@/components/votes/country-name";
import { paths } from "@/lib/paths";
import { countriesOf, groupByVote, type Stage, type Vote } from "@/lib/votes/results";

/**
 * Every country's vote at every stage, as a table: the map's complete text alternative. A vote the
 * record does not establish is shown as "not recorded by name", never guessed; under the table, each
 * stage says what its record leaves out.
 */
export async function VoteTable({ slug, stages }: { slug: string; stages: Stage[] }) {
  const [t, format, locale] = await Promise.all([getTranslations("Votes"), getFormatter(), getLocale()]);
  const byStage = stages.map((stage) => new Map(stage.votes.map((row) => [row.iso3, row.vote])));
  const collator = new Intl.Collator(locale);
  const rows = countriesOf(stages)
    .map((country) => ({ ...country, shown: countryDisplayName(t, locale, country.iso3, country.name) }))
    .sort((a, b) => collator.compare(a.shown, b.shown));
  const stageHeading = (stage: Stage) => t("stageHeading", { body: stage.body, date: format.dateTime(stage.date, { dateStyle: "long" }) });
  return (
    <section aria-labelledby="vote-table-heading" className="vote-table">
      <h2 id="vote-table-heading">{t("tableHeading")}</h2>
      {stages.some((stage) => !stage.namesComplete) && (
        <ul className="unnamed">
          {stages
            .filter((stage) => !stage.namesComplete)
            .map((stage) => (
              <li key={stage.key}>
                <strong>{stageHeading(stage)}:</strong> {t("yesNotNamed", { count: stage.yes })}{" "}
                {stage.notVoting > 0 && `${t("notVotingNotNamed", { count: stage.notVoting })} `}
                {t("unknownExplained", { count: groupByVote(stage.votes).UNKNOWN.length })}
              </li>
            ))}
        </ul>
      )}
      <div className="table-wrap" role="region" aria-labelledby="vote-table-caption" tabIndex={0}>
        <table className="data">
          <caption id="vote-table-caption">{t("tableCaption", { count: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("countryColumn")}</th>
              {stages.map((stage) => (
                <th key={stage.key} scope="col">
                  {stageHeading(stage)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.iso3}>
                <th scope="row">
                  <Link href={paths.countryPage(slug, row.iso3)}>{row.shown}</Link>
                </th>
                {byStage.map((votes, index) => {
                  const vote: Vote = votes.get(row.iso3) ?? "UNKNOWN";
                  return (
                    <td key={stages[index]!.key} className={vote === "UNKNOWN" ? "muted" : undefined}>
                      {t(`vote.${vote}`)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
