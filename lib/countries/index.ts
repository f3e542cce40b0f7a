import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import ur from "i18n-iso-countries/langs/ur.json";

// All ISO 3166-1 countries, keyed by alpha-3 as everywhere else in the product (votes, signatures),
// named in the reader's language (English where the library has no name in it).
countries.registerLocale(en);
countries.registerLocale(ur);

// ISO's official short name where it reads as a political claim; the common name instead.
const OVERRIDES: Record<string, Record<string, string>> = { en: { TWN: "Taiwan" }, ur: { TWN: "تائیوان" } };

export type CountryOption = { code: string; name: string };

const cache = new Map<string, CountryOption[]>();

/** Every country with its name in the given language, sorted by name. */
export function countryOptions(locale = "en"): CountryOption[] {
  const cached = cache.get(locale);
  if (cached) return cached;
  // Every country English knows, so a language missing a name still lists the country.
  const names = countries.getNames("en", { select: "official" });
  const options = Object.entries(names)
    .map(([alpha2, name]) => {
      const code = countries.alpha2ToAlpha3(alpha2);
      return code ? { code, name: countryName(code, locale) || name } : null;
    })
    .filter((option): option is CountryOption => option !== null)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  cache.set(locale, options);
  return options;
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && code.length === 3 && code === code.toUpperCase();
}

export function countryName(code: string, locale = "en"): string {
  return OVERRIDES[locale]?.[code] ?? countries.getName(code, locale, { select: "official" }) ?? countries.getName(code, "en", { select: "official" }) ?? code;
}
