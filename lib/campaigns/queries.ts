import "server-only";
import { cache } from "react";
import { SLUG_PATTERN } from "@/lib/campaigns/schema";
import { db } from "@/lib/db";

const publicCampaignFields = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  organisation: true,
  statementDate: true,
  statement: true,
  sourceName: true,
  sourceUrl: true,
  locale: true,
  goal: true,
  deadline: true,
  status: true,
  updatedAt: true,
} as const;

/** Campaigns open for signatures, newest first. */
export async function listOpenCampaigns() {
  return db().campaign.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, locale: true, title: true, summary: true, organisation: true, statementDate: true, goal: true, deadline: true },
  });
}

/** Every public campaign, for the sitemap. */
/** Public campaigns with the countries their vote record names (each has a country page). */
export async function listPublicCampaignsForSitemap() {
  const [campaigns, named] = await Promise.all([
    db().campaign.findMany({ where: { status: { in: ["OPEN", "CLOSED"] } }, select: { id: true, slug: true, updatedAt: true } }),
    // Each country once per campaign, however many stages name it.
    db().$queryRaw<{ campaignId: number; iso3: string }[]>`
      SELECT DISTINCT s."campaignId", v.iso3 FROM "CountryVote" v JOIN "VoteStage" s ON s.id = v."stageId" ORDER BY v.iso3`,
  ]);
  const countries = new Map<number, string[]>();
  for (const { campaignId, iso3 } of named) countries.set(campaignId, [...(countries.get(campaignId) ?? []), iso3]);
  return campaigns.map(({ id, ...campaign }) => ({ ...campaign, countries: countries.get(id) ?? [] }));
}

/** A campaign the public may read (open or closed; drafts are not public), or null. */
export const getPublicCampaign = cache(async (slug: string) => {
  // A slug that no campaign can have (lib/campaigns/schema.ts) is not looked up: it may hold what the
  // database refuses (NUL), and the answer is "not found" anyway.
  if (slug.length > 80 || !SLUG_PATTERN.test(slug)) return null;
  return db().campaign.findFirst({
    where: { slug, status: { in: ["OPEN", "CLOSED"] } },
    select: publicCampaignFields,
  });
});

export type PublicCampaign = NonNullable<Awaited<ReturnType<typeof getPublicCampaign>>>;

// Admin reads: the pages calling them check requireAdmin() first.

/** Every campaign, whatever its status, newest first. */
export async function listCampaignsForAdmin() {
  return db().campaign.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, locale: true, title: true, status: true, goal: true, deadline: true },
  });
}

/** A campaign with everything the edit form shows, and a summary of its vote stages, or null. */
export async function getCampaignForAdmin(id: number) {
  return db().campaign.findUnique({
    where: { id },
    select: {
      ...publicCampaignFields,
      closedAt: true,
      updatedAt: true,
      voteStages: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, body: true, date: true, namesComplete: true, _count: { select: { votes: true } } },
      },
    },
  });
}

export type AdminCampaign = NonNullable<Awaited<ReturnType<typeof getCampaignForAdmin>>>;

/** A campaign as the public page would show it, drafts included: for the admin preview only. */
export async function getCampaignForPreview(id: number): Promise<PublicCampaign | null> {
  return db().campaign.findUnique({ where: { id }, select: publicCampaignFields });
}
