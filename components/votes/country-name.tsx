import { getLocale, getTranslations } from "next-intl/server";
import { countryName } from "@/lib/countries";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { currentNameIfRenamed } from "@/lib/votes/countries";

type Translate = Awaited<ReturnType<typeof getTranslations<"Votes">>>;

/**
 * In English, the name the record used, with today's name when the country has been renamed since.
 * In other languages, the country's name in that language (the record's English name is not what a
 * reader of Urdu would recognise).
 */
export function countryDisplayName(t: Translate, locale: string, iso3: string, name: string): string {
  if (locale !== DEFAULT_LOCALE) return countryName(iso3, locale) || name;
  const current = currentNameIfRenamed(iso3, name);
  return current ? t("renamed", { name, current }) : name;
}

export async function CountryName({ iso3, name }: { iso3: string; name: string }) {
  const [t, locale] = await Promise.all([getTranslations("Votes"), getLocale()]);
  return <>{countryDisplayName(t, locale, iso3, name)}</>;
}
