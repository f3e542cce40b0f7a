import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { SMALL_COUNT, type PublicCountryCount } from "@/lib/petition/public-counts";

const SHOWN = 10;

/**
 * Confirmed signatures by the signers' country; small counts appear as "<5" (lib/petition/public-counts).
 * The first ten are shown and the rest folded away, unless `all` (the delivery report, which prints).
 */
export async function CountryCounts({ counts, all = false }: { counts: PublicCountryCount[]; all?: boolean }) {
  const shown = all ? counts.length : SHOWN;
  if (counts.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("Petition.byCountry"), getFormatter()]);
  const locale = await getLocale();
  const row = (entry: PublicCountryCount) => (
    <tr key={entry.country}>
      <th scope="row">{countryName(entry.country, locale)}</th>
      <td>{entry.signatures === "<5" ? t("few", { threshold: SMALL_COUNT }) : format.number(entry.signatures)}</td>
    </tr>
  );
  return (
    <section aria-labelledby="by-country-heading" className="country-counts">
      <h3 id="by-country-heading">{t("heading")}</h3>
      <table className="data">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("country")}</th>
            <th scope="col">{t("signatures")}</th>
          </tr>
        </thead>
        <tbody>{counts.slice(0, shown).map(row)}</tbody>
      </table>
      {counts.length > shown && (
        <details>
          <summary>{t("more", { count: counts.length - shown })}</summary>
          <table className="data">
            <tbody>{counts.slice(shown).map(row)}</tbody>
          </table>
        </details>
      )}
      <p className="muted small">{t("note", { threshold: SMALL_COUNT })}</p>
    </section>
  );
}
