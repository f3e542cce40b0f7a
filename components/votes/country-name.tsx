import { getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { currentNameIfRenamed } from "@/lib/votes/countries";

/**
 * In English, the name the record used, with today's name when the country has been renamed since.
 * In other languages, the country's name in that language (the record's English name is not what a
 * reader of Urdu would recognise).
 */
export async function CountryName({ iso3, name }: { iso3: string; name: string }) {
  const [t, locale] = await Promise.all([getTranslations("Votes"), getLocale()]);
  if (locale !== DEFAULT_LOCALE) return <>{countryName(iso3, locale)}</>;
  const current = currentNameIfRenamed(iso3, name);
  return <>{current ? t("renamed", { name, current }) : name}</>;
}
