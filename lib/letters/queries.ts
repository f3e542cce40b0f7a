import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { ShareAnswer } from "@/lib/generated/prisma/client";

// Reads of targets, suggested letters and the counts. Public: the targets and letters (what the write
// page shows). Staff only (the caller checks the role): the counts.

export type PublicTarget = { id: number; name: string; role: string; email: string | null; contactSource: string | null };

/** A campaign's targets in page order. */
export const publicTargets = cache(
  async (campaignId: number): Promise<PublicTarget[]> =>
    db().target.findMany({ where: { campaignId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true, email: true, contactSource: true } }),
);

/** The letter staff suggest in `locale`, or null (the page then suggests the site's own). */
export async function campaignLetter(campaignId: number, locale: string): Promise<{ subject: string; body: string } | null> {
  return db().campaignLetter.findUnique({ where: { campaignId_locale: { campaignId, locale } }, select: { subject: true, body: true } });
}

export async function campaignLetters(campaignId: number): Promise<{ locale: string; subject: string; body: string; updatedAt: Date }[]> {
  return db().campaignLetter.findMany({ where: { campaignId }, orderBy: { locale: "asc" }, select: { locale: true, subject: true, body: true, updatedAt: true } });
}

export type AdminTarget = PublicTarget & { position: number; letters: { mailApp: number; server: number } };

/** The targets with how many letters each was sent, by channel. */
export async function targetsForAdmin(campaignId: number): Promise<AdminTarget[]> {
  const targets = await db().target.findMany({
    where: { campaignId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true, email: true, contactSource: true, position: true },
  });
  const counts = await db().letterCount.groupBy({ by: ["targetId", "channel"], where: { targetId: { in: targets.map((target) => target.id) } }, _sum: { count: true } });
  const of = (targetId: number, channel: string) => counts.find((row) => row.targetId === targetId && row.channel === channel)?._sum.count ?? 0;
  return targets.map((target) => ({ ...target, letters: { mailApp: of(target.id, "MAIL_APP"), server: of(target.id, "SERVER") } }));
}

/** How the thank-you page's question was answered, and how many letters all targets were sent. */
export async function afterSigningPaths(campaignId: number): Promise<Record<ShareAnswer, number> & { letters: number }> {
  const [answers, letters] = await Promise.all([
    db().shareAnswerCount.groupBy({ by: ["answer"], where: { campaignId }, _sum: { count: true } }),
    db().letterCount.aggregate({ where: { target: { campaignId } }, _sum: { count: true } }),
  ]);
  const of = (answer: ShareAnswer) => answers.find((row) => row.answer === answer)?._sum.count ?? 0;
  return { SHARE: of("SHARE"), WRITE: of("WRITE"), letters: letters._sum.count ?? 0 };
}

/** Whether staff let the site send signers' letters for this campaign. */
export async function lettersBySiteOn(campaignId: number): Promise<boolean> {
  return (await db().campaign.findUnique({ where: { id: campaignId }, select: { lettersBySite: true } }))?.lettersBySite ?? false;
}
