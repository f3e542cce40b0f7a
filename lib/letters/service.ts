import "server-only";
import { randomInt } from "node:crypto";
import { recordAudit } from "@/lib/audit/service";
import type { StaffUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { LetterChannel, Prisma, ShareAnswer } from "@/lib/generated/prisma/client";
import type { CampaignLetterInput, TargetInput } from "@/lib/letters/schema";

// Targets, the suggested letters and the counts of letters and of the thank-you page's answers. The
// counts hold numbers only: which signer wrote, to whom and from where is never stored.

/** Expected failures of the staff's forms: keys of AdminTargets.errors. */
export type TargetErrorCode = "campaignNotFound" | "targetNotFound";

type Actor = Pick<StaffUser, "id" | "email">;
type Tx = Prisma.TransactionClient;

/** Shards of LetterCount and ShareAnswerCount rows, as for the signature counts (docs/decisions/007). */
export const COUNT_SHARDS = 8;

/** Counts one letter to a target. */
export async function countLetter(targetId: number, channel: LetterChannel): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "LetterCount" ("targetId", "channel", "shard", "count") VALUES (${targetId}, ${channel}::"LetterChannel", ${randomInt(COUNT_SHARDS)}, 1)
    ON CONFLICT ("targetId", "channel", "shard") DO UPDATE SET "count" = "LetterCount"."count" + 1`;
}

/** Counts one answer to the thank-you page's question. */
export async function countShareAnswer(campaignId: number, answer: ShareAnswer): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "ShareAnswerCount" ("campaignId", "answer", "shard", "count") VALUES (${campaignId}, ${answer}::"ShareAnswer", ${randomInt(COUNT_SHARDS)}, 1)
    ON CONFLICT ("campaignId", "answer", "shard") DO UPDATE SET "count" = "ShareAnswerCount"."count" + 1`;
}

/** Adds a target (`targetId` null) or changes one, and records it, in one transaction. */
export async function saveTarget(actor: Actor, campaignId: number, targetId: number | null, input: TargetInput): Promise<{ created: boolean; changed: boolean }> {
  return db().$transaction(async (tx) => {
    await campaignExists(tx, campaignId);
    const data = { name: input.name, role: input.role, email: input.email, contactSource: input.contactSource, position: input.position };
    if (targetId === null) {
      const created = await tx.target.create({ data: { ...data, campaignId }, select: { id: true } });
      await recordAudit(tx, { actor, action: "campaign.target.create", campaignId, details: { targetId: created.id, after: data } });
      return { created: true, changed: true };
    }
    const current = await tx.target.findFirst({ where: { id: targetId, campaignId }, select: { name: true, role: true, email: true, contactSource: true, position: true } });
    if (!current) throw new DomainError<TargetErrorCode>("targetNotFound");
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((field) => current[field] !== data[field]);
    if (changed.length === 0) return { created: false, changed: false };
    await tx.target.update({ where: { id: targetId }, data });
    const pick = (source: typeof data) => Object.fromEntries(changed.map((field) => [field, source[field]]));
    await recordAudit(tx, { actor, action: "campaign.target.update", campaignId, details: { targetId, changed, before: pick(current), after: pick(data) } });
    return { created: false, changed: true };
  });
}

/** Removes a target with its letter counts, and records it (with the counts it had). */
export async function deleteTarget(actor: Actor, campaignId: number, targetId: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const current = await tx.target.findFirst({ where: { id: targetId, campaignId }, select: { name: true, email: true, letters: { select: { count: true } } } });
    if (!current) throw new DomainError<TargetErrorCode>("targetNotFound");
    await tx.target.delete({ where: { id: targetId } });
    const letters = current.letters.reduce((sum, row) => sum + row.count, 0);
    await recordAudit(tx, { actor, action: "campaign.target.delete", campaignId, details: { targetId, name: current.name, email: current.email, letters } });
  });
}

/** Saves the suggested letter in one language; saving it unchanged writes nothing. */
export async function saveCampaignLetter(actor: Actor, campaignId: number, input: CampaignLetterInput): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    await campaignExists(tx, campaignId);
    const where = { campaignId_locale: { campaignId, locale: input.locale } };
    const current = await tx.campaignLetter.findUnique({ where, select: { subject: true, body: true } });
    if (current?.subject === input.subject && current.body === input.body) return { changed: false };
    await tx.campaignLetter.upsert({ where, create: { campaignId, ...input }, update: { subject: input.subject, body: input.body } });
    // The body can be long: the entry says that it changed, not what it said (as for statements).
    await recordAudit(tx, {
      actor,
      action: "campaign.letter.save",
      campaignId,
      details: { locale: input.locale, created: !current, before: current ? { subject: current.subject } : null, after: { subject: input.subject }, bodyChanged: current?.body !== input.body },
    });
    return { changed: true };
  });
}

async function campaignExists(tx: Tx, campaignId: number): Promise<void> {
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0 || !(await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } }))) {
    throw new DomainError<TargetErrorCode>("campaignNotFound");
  }
}

/** Turns the site's sending of signers' letters on or off for a campaign, audited. */
export async function setLettersBySite(actor: Actor, campaignId: number, on: boolean): Promise<{ changed: boolean }> {
  return db().$transaction(async (tx) => {
    await campaignExists(tx, campaignId);
    const changed = await tx.campaign.updateMany({ where: { id: campaignId, lettersBySite: !on }, data: { lettersBySite: on } });
    if (changed.count === 0) return { changed: false };
    await recordAudit(tx, { actor, action: "campaign.letters.by-site", campaignId, details: { on } });
    return { changed: true };
  });
}
