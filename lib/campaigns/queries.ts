import "server-only";
import { cache } from "react";
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
} as const;

/** Campaigns open for signatures, newest first. */
export async function listOpenCampaigns() {
  return db().campaign.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "desc" },
    select: { slug: true, title: true, summary: true, organisation: true, statementDate: true, goal: true, deadline: true },
  });
}

/** A campaign the public may read (open or closed; drafts are not public), or null. */
export const getPublicCampaign = cache(async (slug: string) => {
  return db().campaign.findFirst({
    where: { slug, status: { in: ["OPEN", "CLOSED"] } },
    select: publicCampaignFields,
  });
});

export type PublicCampaign = NonNullable<Awaited<ReturnType<typeof getPublicCampaign>>>;
