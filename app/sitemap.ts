import type { MetadataRoute } from "next";
import { listPublicCampaignsForSitemap } from "@/lib/campaigns/queries";
import { LOCALES } from "@/lib/i18n/locales";
import { localised, paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/** Every public page in every language, each naming its other languages (hreflang). */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const campaigns = await listPublicCampaignsForSitemap();
  const pages: { path: string; lastModified?: Date; changeFrequency: "daily" | "hourly" | "monthly" }[] = [
    { path: paths.home(), changeFrequency: "daily" },
    ...campaigns.map((campaign) => ({ path: paths.campaign(campaign.slug), lastModified: campaign.updatedAt, changeFrequency: "hourly" as const })),
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
