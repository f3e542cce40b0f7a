import { getTranslations } from "next-intl/server";
import { currentNameIfRenamed } from "@/lib/votes/countries";

/** The name the record used, with today's name when the country has been renamed since. */
export async function CountryName({ iso3, name }: { iso3: string; name: string }) {
  const t = await getTranslations("Votes");
  const current = currentNameIfRenamed(iso3, name);
  return <>{current ? t("renamed", { name, current }) : name}</>;
}
