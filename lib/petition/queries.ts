import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { acceptsConfirmations, confirmGraceHours, signingEndedAt } from "@/lib/petition/campaign-state";
import { confirmedCount } from "@/lib/petition/counts";
import { firstName } from "@/lib/petition/normalise";
import { hashToken, isWellFormedToken } from "@/lib/petition/tokens";

export type PetitionProgress = { confirmed: number; goal: number };

// Once per request: a campaign page asks for it in its metadata (share image version) and its panel.
const countOnce = cache(confirmedCount);

export async function getPetitionProgress(campaign: { id: number; goal: number }): Promise<PetitionProgress> {
  return { confirmed: await countOnce(campaign.id), goal: campaign.goal };
}

export type RecentSigner = { firstName: string; country: string; confirmedAt: Date };

/** The latest confirmed signers who agreed to be shown: first name and country only. */
export async function getRecentSigners(campaignId: number, limit = 8): Promise<RecentSigner[]> {
  const rows = await db().signature.findMany({
    where: { campaignId, status: "CONFIRMED", showName: true },
    orderBy: { confirmedAt: "desc" },
    take: limit,
    select: { fullName: true, country: true, confirmedAt: true },
  });
  return rows.map((row) => ({ firstName: firstName(row.fullName), country: row.country, confirmedAt: row.confirmedAt ?? new Date(0) }));
}

/** What a mailed link leads to, for the page that shows it (nothing is changed by reading). */
export async function describeToken(token: string, purpose: "CONFIRM" | "WITHDRAW") {
  if (!isWellFormedToken(token)) return null;
  const found = await db().signatureToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      usedAt: true,
      expiresAt: true,
      signature: {
        select: { status: true, confirmedAt: true, fullName: true, country: true, comment: true, campaign: { select: { slug: true, title: true, status: true, deadline: true, closedAt: true } } },
      },
    },
  });
  if (!found || found.purpose !== purpose) return null;
  const { status, confirmedAt } = found.signature;
  const { slug, title, ...state } = found.signature.campaign;
  const now = new Date();
  return {
    campaign: { slug, title },
    /** A confirmation would no longer count: the campaign closed and its grace period (CONFIRM_GRACE_HOURS) is over, or it is a draft. */
    closed: !acceptsConfirmations(state, confirmGraceHours(), now),
    /** When it stopped taking signatures (null while it takes them, and for a draft). */
    endedAt: signingEndedAt(state, now),
    // What the link would confirm: anyone can type any address, so its owner sees what was typed.
    submitted: { fullName: found.signature.fullName, country: found.signature.country, comment: found.signature.comment },
    // A quarantined signature looks to its signer like any other (docs/decisions/010): waiting for
    // confirmation, or confirmed once they have.
    status: status === "QUARANTINED" ? (confirmedAt ? "CONFIRMED" : "PENDING") : status,
    used: found.usedAt !== null,
    expired: found.expiresAt.getTime() <= now.getTime(),
  };
}
