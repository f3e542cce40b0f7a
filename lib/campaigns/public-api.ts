import "server-only";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { countsByCountry, countsOverTime, type SeriesInterval } from "@/lib/petition/counts";
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
  const { rows: byCountry, total: confirmed, changedAt } = await countsByCountry(campaign.id);
  const deadlinePassed = campaign.deadline !== null && campaign.deadline.getTime() <= Date.now();
  const closed = campaign.status === "CLOSED" || deadlinePassed;
  // When the figures last changed: a count, the campaign itself (its title, its status), or its
  // status by the deadline passing.
  const updatedAt = Math.max(campaign.updatedAt.getTime(), changedAt?.getTime() ?? 0, deadlinePassed ? campaign.deadline!.getTime() : 0);
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

export type PublicCampaignSeries = {
  slug: string;
  interval: SeriesInterval;
  /** Each hour or day (UTC) in which the count changed: its start, the change, and the total at its end. */
  points: { start: string; change: number; total: number }[];
};

/** What GET /api/campaigns/[slug]/series returns (docs/api.md). Drafts are not public. */
export async function getPublicCampaignSeries(slug: string, interval: SeriesInterval): Promise<PublicCampaignSeries | null> {
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return null;
  const points = await countsOverTime(campaign.id, interval);
  return { slug: campaign.slug, interval, points: points.map((point) => ({ start: point.start.toISOString(), change: point.change, total: point.total })) };
}
