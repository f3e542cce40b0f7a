import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { SMALL_COUNT, type PublicCountryCount } from "@/lib/petition/public-counts";

const SHOWN = 10;

/** Confirmed signatures by the signers' country; small counts appear as "<5" (lib/petition/public-counts). */
export async function CountryCounts({ counts }: { counts: PublicCountryCount[] }) {
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
        <tbody>{counts.slice(0, SHOWN).map(row)}</tbody>
      </table>
      {counts.length > SHOWN && (
        <details>
          <summary>{t("more", { count: counts.length - SHOWN })}</summary>
          <table className="data">
            <tbody>{counts.slice(SHOWN).map(row)}</tbody>
          </table>
        </details>
      )}
      <p className="muted small">{t("note", { threshold: SMALL_COUNT })}</p>
    </section>
  );
}
