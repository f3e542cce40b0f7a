import { getFormatter, getTranslations } from "next-intl/server";
import { CountryName } from "@/components/votes/country-name";
import type { CountryHistory } from "@/lib/votes/results";

/** How one country voted at each stage, and what changed (or that the record cannot say). */
export async function CountryHistoryView({ history, headingLevel }: { history: CountryHistory; headingLevel: 2 | 3 }) {
  const [t, tv, format] = await Promise.all([getTranslations("Lookup"), getTranslations("Votes"), getFormatter()]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading id="lookup-result-heading">
        <CountryName iso3={history.iso3} name={history.name} />
      </Heading>
      <ul aria-labelledby="lookup-result-heading">
        {history.steps.map((step) => (
          <li key={step.stageKey}>
            {t("stageVote", { body: step.body, date: format.dateTime(step.date, { dateStyle: "long" }), vote: tv(`vote.${step.vote}`) })}
          </li>
        ))}
      </ul>
      {history.change?.kind === "same" && <p>{t("same")}</p>}
      {history.change?.kind === "changed" && <p>{t("changed", { from: tv(`voteShort.${history.change.from}`), to: tv(`voteShort.${history.change.to}`) })}</p>}
      {history.change?.kind === "not-established" && <p>{t("notEstablished", { to: tv(`voteShort.${history.change.to}`) })}</p>}
    </>
  );
}
