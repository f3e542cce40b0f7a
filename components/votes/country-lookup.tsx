import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { CountryHistoryView } from "@/components/votes/country-history";
import { countryDisplayName } from "@/components/votes/country-name";
import { localised, paths } from "@/lib/paths";
import { countriesOf, countryHistory, type Stage } from "@/lib/votes/results";

/**
 * "How did my country vote?": a plain GET form, so it works without JavaScript; the answer is
 * rendered on the server for the chosen country.
 */
export async function CountryLookup({ slug, stages, selected }: { slug: string; stages: Stage[]; selected?: string }) {
  const [t, tVotes, locale] = await Promise.all([getTranslations("Lookup"), getTranslations("Votes"), getLocale()]);
  const countries = countriesOf(stages);
  const history = selected ? countryHistory(stages, selected) : null;
  return (
    <section id="my-country" aria-labelledby="lookup-heading" className="card lookup">
      <h2 id="lookup-heading">{t("heading")}</h2>
      <form method="get" action={`${localised(locale, paths.votes(slug))}#my-country`} className="lookup-form">
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
        <div className="lookup-result">
          <CountryHistoryView history={history} headingLevel={3} />
          <p className="small">
            <Link href={paths.countryPage(slug, history.iso3)}>{t("countryPage", { name: countryDisplayName(tVotes, locale, history.iso3, history.name) })}</Link>
          </p>
        </div>
      )}
    </section>
  );
}
