import type { MetadataRoute } from "next";
import { listPublicCampaignsForSitemap } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const campaigns = await listPublicCampaignsForSitemap();
  return [
    { url: absoluteUrl(paths.home()), changeFrequency: "daily" },
    ...campaigns.map((campaign) => ({ url: absoluteUrl(paths.campaign(campaign.slug)), lastModified: campaign.updatedAt, changeFrequency: "hourly" as const })),
    { url: absoluteUrl(paths.privacy()), changeFrequency: "monthly" },
  ];
}
