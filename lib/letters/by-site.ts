import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { enqueueMail, nudgeMailWorker, recipientKey } from "@/lib/email/queue";
import { translator } from "@/lib/i18n/catalogs";
import { countLetter } from "@/lib/letters/service";
import type { LetterInput } from "@/lib/letters/schema";
import { consume, limiter } from "@/lib/petition/limits";
import { hashToken, isWellFormedToken } from "@/lib/petition/tokens";

// Letters the site sends for a confirmed signer, when staff have turned it on for the campaign
// (Campaign.lettersBySite). The signer proves who they are with the link to their data from their
// confirmation mail (the ACCESS token): the page that offers this is theirs alone, so nothing here tells
// a stranger whether an address signed. Each target gets a drip: at most LETTERS_PER_TARGET_PER_HOUR,
// each letter given the target's next free slot in the mail queue, so a rush of signers never floods
// an office. One letter per signer and target (counted in the rate-limit table for 30 days, not stored
// as a record of who wrote to whom). The signer's address is the reply-to: the target answers them.

/** Expected failures: keys of Letters.bySite.errors. */
export type LetterBySiteErrorCode = "linkInvalid" | "notConfirmed" | "notOffered" | "noAddress" | "alreadySent";

const ONE_PER_SIGNER = { points: 1, seconds: 30 * 24 * 60 * 60 } as const;

/** LETTERS_PER_TARGET_PER_HOUR: the drip to each target (default 20, 1 to 3600). */
export function lettersPerTargetPerHour(env: Record<string, string | undefined> = process.env): number {
  const raw = env.LETTERS_PER_TARGET_PER_HOUR?.trim();
  if (!raw) return 20;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 3600) throw new Error(`LETTERS_PER_TARGET_PER_HOUR must be a whole number from 1 to 3600; got "${raw}".`);
  return value;
}

/** The signer behind a data-page link, when it is valid and theirs is a confirmed signature. */
async function signerOf(token: string) {
  if (!isWellFormedToken(token)) throw new DomainError<LetterBySiteErrorCode>("linkInvalid");
  const found = await db().signatureToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      purpose: true,
      expiresAt: true,
      signature: { select: { id: true, email: true, fullName: true, status: true, anonymisedAt: true, campaignId: true, campaign: { select: { title: true, summary: true, locale: true, lettersBySite: true } } } },
    },
  });
  if (!found || found.purpose !== "ACCESS" || found.expiresAt <= new Date() || found.signature.anonymisedAt) throw new DomainError<LetterBySiteErrorCode>("linkInvalid");
  if (found.signature.status !== "CONFIRMED") throw new DomainError<LetterBySiteErrorCode>("notConfirmed");
  return found.signature;
}

export type LettersBySite = { campaign: { id: number; title: string; summary: string; locale: string }; targets: { id: number; name: string; role: string }[] };

/** The targets with a published address that the signer behind this link may have the site write to; null when it is off. */
export async function lettersBySiteFor(token: string): Promise<LettersBySite | null> {
  const signer = await signerOf(token).catch(() => null);
  if (!signer?.campaign.lettersBySite) return null;
  const targets = await db().target.findMany({ where: { campaignId: signer.campaignId, email: { not: null } }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, name: true, role: true } });
  return targets.length ? { campaign: { id: signer.campaignId, title: signer.campaign.title, summary: signer.campaign.summary, locale: signer.campaign.locale }, targets } : null;
}

/** Queues the signer's letter to a target at the target's next slot; returns when it will go. */
export async function sendLetterBySite(token: string, targetId: number, letter: LetterInput, env: Record<string, string | undefined> = process.env): Promise<{ at: Date; target: string }> {
  const signer = await signerOf(token);
  if (!signer.campaign.lettersBySite) throw new DomainError<LetterBySiteErrorCode>("notOffered");
  const target = await db().target.findFirst({ where: { id: targetId, campaignId: signer.campaignId }, select: { id: true, name: true, email: true } });
  if (!target?.email) throw new DomainError<LetterBySiteErrorCode>("noAddress");
  const gapMs = Math.ceil(3_600_000 / lettersPerTargetPerHour(env));
  const t = translator("en", "Letters.bySite.mail");
  const once = limiter("letter-by-site", ONE_PER_SIGNER);
  const key = `${target.id}:${signer.id}`;
  if ((await consume(once, key)) > ONE_PER_SIGNER.points) throw new DomainError<LetterBySiteErrorCode>("alreadySent");
  // The target's row, locked: letters written at the same moment take consecutive slots.
  const queueAtSlot = () =>
    db().$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<{ nextLetterAt: Date | null }[]>`SELECT "nextLetterAt" FROM "Target" WHERE id = ${target.id} FOR UPDATE`;
      const now = Date.now();
      const slot = new Date(Math.max(now, row?.nextLetterAt?.getTime() ?? now));
      await tx.target.update({ where: { id: target.id }, data: { nextLetterAt: new Date(slot.getTime() + gapMs) } });
      await enqueueMail(tx, {
        kind: "letter",
        recipientKey: recipientKey(`target:${target.id}`),
        notBefore: slot,
        message: {
          to: target.email!,
          replyTo: signer.email,
          subject: letter.subject,
          // The letter as the signer wrote it, then who it is from and how it came (the target's office
          // reads English; the letter itself is in the signer's words and language).
          text: `${letter.body}\n\n-- \n${t("footer", { name: signer.fullName, title: signer.campaign.title })}\n`,
        },
      });
      return slot;
    });
  // Nothing queued (the database busy, say): the signer keeps their one letter to this target.
  const at = await queueAtSlot().catch(async (error: unknown) => {
    await once.reward(key, 1).catch(() => undefined);
    throw error;
  });
  await countLetter(target.id, "SERVER");
  nudgeMailWorker();
  return { at, target: target.name };
}
