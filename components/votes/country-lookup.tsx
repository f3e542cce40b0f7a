import { getFormatter, getTranslations } from "next-intl/server";
import { CountryName } from "@/components/votes/country-name";
import { paths } from "@/lib/paths";
import { countriesOf, countryHistory, type Stage } from "@/lib/votes/results";

/**
 * "How did my country vote?": a plain GET form, so it works without JavaScript; the answer is
 * rendered on the server for the chosen country.
 */
export async function CountryLookup({ slug, stages, selected }: { slug: string; stages: Stage[]; selected?: string }) {
  const [t, tv, format] = await Promise.all([getTranslations("Lookup"), getTranslations("Votes"), getFormatter()]);
  const countries = countriesOf(stages);
  const history = selected ? countryHistory(stages, selected) : null;
  return (
    <section id="my-country" aria-labelledby="lookup-heading" className="card lookup">
      <h3 id="lookup-heading">{t("heading")}</h3>
      <form method="get" action={`${paths.campaign(slug)}#my-country`} className="lookup-form">
        <label htmlFor="lookup-country">{t("label")}</label>
        <select id="lookup-country" name="country" defaultValue={history?.iso3 ?? ""} required>
          <option value="" disabled>
            {t("choose")}
          </option>
          {countries.map((country) => (
            <option key={country.iso3} value={country.iso3}>
              {country.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      {selected && !history && (
        <p className="error" role="alert">
          {t("unknownCountry")}
        </p>
      )}
      {history && (
        <div className="lookup-result" aria-labelledby="lookup-result-heading">
          <h4 id="lookup-result-heading">
            <CountryName iso3={history.iso3} name={history.name} />
          </h4>
          <ul>
            {history.steps.map((step) => (
              <li key={step.stageKey}>
                {t("stageVote", {
                  body: step.body,
                  date: format.dateTime(step.date, { dateStyle: "long" }),
                  vote: tv(`vote.${step.vote}`),
                })}
              </li>
            ))}
          </ul>
          {history.change?.kind === "same" && <p>{t("same")}</p>}
          {history.change?.kind === "changed" && (
            <p>{t("changed", { from: tv(`voteShort.${history.change.from}`), to: tv(`voteShort.${history.change.to}`) })}</p>
          )}
          {history.change?.kind === "not-established" && <p>{t("notEstablished", { to: tv(`voteShort.${history.change.to}`) })}</p>}
        </div>
      )}
    </section>
  );
}
