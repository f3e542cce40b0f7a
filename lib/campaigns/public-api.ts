import "server-only";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { confirmedByCountry, confirmedCount } from "@/lib/petition/counts";
import { publicCountryCounts, type PublicCountryCount } from "@/lib/petition/public-counts";

export type PublicCampaignSummary = {
  slug: string;
  title: string;
  status: "OPEN" | "CLOSED";
  goal: number;
  confirmed: number;
  byCountry: PublicCountryCount[];
  updatedAt: string;
};

/** What GET /api/campaigns/[slug] returns (documented in docs/api.md). Drafts are not public. */
export async function getPublicCampaignSummary(slug: string): Promise<PublicCampaignSummary | null> {
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return null;
  const [confirmed, byCountry] = await Promise.all([confirmedCount(campaign.id), confirmedByCountry(campaign.id)]);
  const closed = campaign.status === "CLOSED" || (campaign.deadline !== null && campaign.deadline.getTime() <= Date.now());
  return {
    slug: campaign.slug,
    title: campaign.title,
    status: closed ? "CLOSED" : "OPEN",
    goal: campaign.goal,
    confirmed,
    byCountry: publicCountryCounts(byCountry),
    updatedAt: new Date().toISOString(),
  };
}
