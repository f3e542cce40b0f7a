import type { MetadataRoute } from "next";
import { listPublicCampaignsForSitemap } from "@/lib/campaigns/queries";
import { LOCALES } from "@/lib/i18n/locales";
import { localised, paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/**
 * Every public page in every language, each naming its other languages (hreflang): the home page, each
 * campaign with its votes page and one page per country its vote record names, and the privacy notice.
 * One file holds up to 50,000 addresses, about 130 campaigns with a full UN vote record in two
 * languages; past that it needs splitting (generateSitemaps).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const campaigns = await listPublicCampaignsForSitemap();
  const pages: { path: string; lastModified?: Date; changeFrequency: "daily" | "hourly" | "monthly" }[] = [
    { path: paths.home(), changeFrequency: "daily" },
    ...campaigns.flatMap((campaign) => [
      { path: paths.campaign(campaign.slug), lastModified: campaign.updatedAt, changeFrequency: "hourly" as const },
      ...(campaign.countries.length > 0 ? [{ path: paths.votes(campaign.slug), changeFrequency: "monthly" as const }] : []),
      ...campaign.countries.map((iso3) => ({ path: paths.countryPage(campaign.slug, iso3), changeFrequency: "monthly" as const })),
    ]),
    { path: paths.privacy(), changeFrequency: "monthly" },
  ];
  return pages.flatMap(({ path, ...rest }) =>
    LOCALES.map((locale) => ({
      url: absoluteUrl(localised(locale, path)),
      ...rest,
      alternates: { languages: Object.fromEntries(LOCALES.map((other) => [other, absoluteUrl(localised(other, path))])) },
    })),
  );
}
