import "server-only";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { confirmedByCountry } from "@/lib/petition/counts";
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
  // One read: the total is the sum of the by-country rows, so the two always agree.
  const byCountry = await confirmedByCountry(campaign.id);
  const confirmed = byCountry.reduce((sum, row) => sum + row.confirmed, 0);
  // When the figures last changed: a count, or the campaign itself (its title, its status).
  const updatedAt = Math.max(campaign.updatedAt.getTime(), ...byCountry.map((row) => row.updatedAt.getTime()));
  const closed = campaign.status === "CLOSED" || (campaign.deadline !== null && campaign.deadline.getTime() <= Date.now());
  return {
    slug: campaign.slug,
    title: campaign.title,
    status: closed ? "CLOSED" : "OPEN",
    goal: campaign.goal,
    confirmed,
    byCountry: publicCountryCounts(byCountry),
    updatedAt: new Date(updatedAt).toISOString(),
  };
}
