import "server-only";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/service";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { checkVoteImport } from "@/lib/votes/import";
import { parseVotesCsv, type VoteStageInput } from "@/lib/votes/schema";

/** Expected failures of a vote import: keys of AdminVotes.errors. */
export type VotesErrorCode = "campaignNotFound" | "keyTaken" | "fileInvalid";

type Actor = Pick<StaffUser, "id" | "email">;
/** The largest Int: a new stage sorts after the stages of its own day. */
const LAST = 2_147_483_647;

export type ImportedStage = { stageId: number; campaignSlug: string; rows: number };

/**
 * Saves a vote stage, its source and one row per country, with an audit entry, in one transaction.
 * The file is checked again here, whatever the caller checked before: nothing that fails the
 * report is ever stored. The new stage takes its place among the others by date.
 */
export async function importVoteStage(actor: Actor, campaignId: number, input: VoteStageInput, csv: string): Promise<ImportedStage> {
  const report = checkVoteImport(input, csv);
  if (!report.ok) throw new DomainError<VotesErrorCode>("fileInvalid");
  const { rows } = parseVotesCsv(csv);
  const { sourceCovers, sourceCitation, sourceUrl, ...stage } = input;

  try {
    return await db().$transaction(async (tx) => {
      // Locked, so that two imports at once do not number the stages over each other.
      const [campaign] = await tx.$queryRaw<{ slug: string }[]>`SELECT "slug" FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
      if (!campaign) throw new DomainError<VotesErrorCode>("campaignNotFound");
      const taken = await tx.voteStage.findUnique({ where: { campaignId_key: { campaignId, key: stage.key } }, select: { id: true } });
      if (taken) throw new DomainError<VotesErrorCode>("keyTaken", "key");
      const created = await tx.voteStage.create({
        data: {
          ...stage,
          campaignId,
          position: LAST, // until placeByDate numbers it
          sources: { create: [{ position: 0, covers: sourceCovers, citation: sourceCitation, url: sourceUrl }] },
          votes: { createMany: { data: rows } },
        },
        select: { id: true },
      });
      await placeByDate(tx, campaignId);
      await recordAudit(tx, {
        actor,
        action: "votes.import",
        campaignId,
        details: {
          stageId: created.id,
          key: stage.key,
          body: stage.body,
          date: stage.date.toISOString().slice(0, 10),
          namesComplete: stage.namesComplete,
          rows: rows.length,
          counts: report.counts,
        },
      });
      return { stageId: created.id, campaignSlug: campaign.slug, rows: rows.length };
    });
  } catch (error) {
    // Two admins importing the same key at once: the unique index stops the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError<VotesErrorCode>("keyTaken", "key");
    throw error;
  }
}

/**
 * Numbers a campaign's stages by date, earlier first (the page shows them in that order and compares
 * the first with the last); stages of the same day keep their order, an imported one after them.
 */
async function placeByDate(tx: Prisma.TransactionClient, campaignId: number): Promise<void> {
  const stages = await tx.voteStage.findMany({ where: { campaignId }, orderBy: [{ date: "asc" }, { position: "asc" }, { id: "asc" }], select: { id: true, position: true } });
  for (const [index, stage] of stages.entries()) {
    if (stage.position !== index + 1) await tx.voteStage.update({ where: { id: stage.id }, data: { position: index + 1 } });
  }
}
