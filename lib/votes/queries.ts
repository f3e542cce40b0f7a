import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Stage } from "@/lib/votes/results";

/** All vote stages of a campaign, in order, with their sources and per-country votes. */
export const getVoteRecord = cache(async (campaignId: number): Promise<Stage[]> => {
  const stages = await db().voteStage.findMany({
    where: { campaignId },
    orderBy: { position: "asc" },
    include: {
      sources: { orderBy: { position: "asc" }, select: { covers: true, citation: true, url: true } },
      votes: { select: { iso3: true, name: true, vote: true } },
    },
  });
  return stages.map(({ id: _id, campaignId: _campaignId, ...stage }) => stage);
});

/** Whether a campaign already has a stage with this key (for the import check; the save re-checks). */
export async function stageKeyTaken(campaignId: number, key: string): Promise<boolean> {
  const stage = await db().voteStage.findUnique({ where: { campaignId_key: { campaignId, key } }, select: { id: true } });
  return stage !== null;
}
