import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isOpenForSignatures } from "@/lib/petition/campaign-state";
import { adjustCount } from "@/lib/petition/counts";
import { assessSubmission, type SubmissionContext } from "@/lib/petition/defences";
import { PetitionError } from "@/lib/petition/errors";
import { sendConfirmation, type ConfirmationLinks } from "@/lib/petition/notify";
import { canonicalEmail } from "@/lib/petition/normalise";
import type { SignatureInput } from "@/lib/petition/schema";
import { campaignLink } from "@/lib/sharing/links";
import { newReferralCode, type Attribution } from "@/lib/sharing/referral";
import { CONFIRM_TOKEN_DAYS, daysFromNow, hashToken, isWellFormedToken, newToken, WITHDRAW_TOKEN_DAYS } from "@/lib/petition/tokens";

/** At most this many confirmation mails per signature (the first included), at least a minute apart. */
export const MAX_CONFIRMATION_MAILS = 3;
export const RESEND_INTERVAL_MS = 60_000;

/**
 * `mailSent` is false only when a mail was due and could not be sent. `referral` is the new
 * signature's own code, for its personal share link.
 */
export type SignOutcome = { kind: "signed"; mailSent: boolean; referral: string } | { kind: "already-signed" };

export type SignContext = SubmissionContext & { locale: string; attribution?: Attribution };

/**
 * Records a signature and mails its confirmation link. The defences decide whether it is pending
 * (counted once confirmed) or quarantined (kept for a moderator, never counted on its own); the
 * caller gets the same outcome either way. Too many attempts from one network are refused with
 * PetitionError("tooManyFromNetwork"), writing nothing. A second signature from the same person
 * (same canonical email) gets "already signed", and, while still unconfirmed, the mail again
 * (capped). The outcome never tells the caller anything else about the existing signature.
 */
export async function signPetition(slug: string, input: SignatureInput, context: SignContext): Promise<SignOutcome> {
  const campaign = await db().campaign.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true, deadline: true } });
  if (!campaign || campaign.status === "DRAFT") throw new PetitionError("campaignNotFound");
  if (!isOpenForSignatures(campaign)) throw new PetitionError("campaignClosed");

  const { screening, clientHash } = await assessSubmission(campaign.id, input.email, context);
  if ("refuse" in screening) throw new PetitionError("tooManyFromNetwork");

  const links = issueLinks();
  const referredById = await referrerOf(campaign.id, context.attribution?.referral);
  const referral = newReferralCode();
  let signatureId: number;
  try {
    const created = await db().signature.create({
      data: {
        campaignId: campaign.id,
        fullName: input.fullName,
        email: input.email,
        emailCanonical: canonicalEmail(input.email),
        country: input.country,
        comment: input.comment,
        showName: input.showName,
        mayContact: input.mayContact,
        locale: context.locale,
        status: screening.status,
        statusReason: screening.reason,
        clientHash,
        referralCode: referral,
        referredById,
        utmSource: context.attribution?.source ?? null,
        // Without a mail there is nothing to confirm or withdraw with.
        tokens: screening.sendMail ? { create: links.rows } : undefined,
      },
      select: { id: true },
    });
    signatureId = created.id;
  } catch (error) {
    // The one unique key a person can hit is (campaign, canonical email); a referral code colliding
    // (1 in 10^15) would surface as an error rather than as "already signed".
    if (!isUniqueViolation(error)) throw error;
    await resendIfPending(campaign, canonicalEmail(input.email));
    return { kind: "already-signed" };
  }

  // Silently quarantined without a mail: the signer sees what everyone sees ("check your email").
  if (!screening.sendMail) return { kind: "signed", mailSent: true, referral };
  const mailSent = await sendConfirmation({
    to: input.email,
    name: input.fullName,
    campaignTitle: campaign.title,
    locale: context.locale,
    links: links.urls,
    shareUrl: campaignLink(context.locale, slug, { referral }),
  });
  if (!mailSent) await db().signatureToken.deleteMany({ where: { signatureId, tokenHash: links.confirmHash } });
  return { kind: "signed", mailSent, referral };
}

/** The signature a referral code belongs to, in the same campaign; null for anything else. */
async function referrerOf(campaignId: number, referral: string | null | undefined): Promise<number | null> {
  if (!referral) return null;
  const found = await db().signature.findUnique({ where: { referralCode: referral }, select: { id: true, campaignId: true } });
  return found?.campaignId === campaignId ? found.id : null;
}

function issueLinks(): { rows: Prisma.SignatureTokenCreateWithoutSignatureInput[]; urls: ConfirmationLinks; confirmHash: string } {
  const confirm = newToken();
  const withdraw = newToken();
  const access = newToken();
  return {
    rows: [
      { purpose: "CONFIRM", tokenHash: confirm.hash, expiresAt: daysFromNow(CONFIRM_TOKEN_DAYS) },
      { purpose: "WITHDRAW", tokenHash: withdraw.hash, expiresAt: daysFromNow(WITHDRAW_TOKEN_DAYS) },
      { purpose: "ACCESS", tokenHash: access.hash, expiresAt: daysFromNow(WITHDRAW_TOKEN_DAYS) },
    ],
    urls: { confirmToken: confirm.token, withdrawToken: withdraw.token, accessToken: access.token },
    confirmHash: confirm.hash,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** Mails the confirmation link again to a pending signature, within the cap. Silent otherwise. */
async function resendIfPending(campaign: { id: number; slug: string; title: string }, emailCanonical: string): Promise<void> {
  const links = issueLinks();
  const recipient = await db().$transaction(async (tx) => {
    // Lock the signature so that concurrent attempts cannot exceed the cap together.
    const [row] = await tx.$queryRaw<{ id: number; status: string; email: string; fullName: string; locale: string; referralCode: string | null }[]>`
      SELECT id, status, email, "fullName", locale, "referralCode" FROM "Signature"
      WHERE "campaignId" = ${campaign.id} AND "emailCanonical" = ${emailCanonical} FOR UPDATE`;
    if (!row || row.status !== "PENDING") return null;
    const sent = await tx.signatureToken.findMany({
      where: { signatureId: row.id, purpose: "CONFIRM" },
      select: { createdAt: true },
      orderBy: { createdAt: "desc" },
    });
    const last = sent[0]?.createdAt.getTime() ?? 0;
    if (sent.length >= MAX_CONFIRMATION_MAILS || Date.now() - last < RESEND_INTERVAL_MS) return null;
    await tx.signatureToken.createMany({ data: links.rows.map((token) => ({ ...token, signatureId: row.id })) });
    return row;
  });
  if (!recipient) return;
  const mailSent = await sendConfirmation({
    to: recipient.email,
    name: recipient.fullName,
    campaignTitle: campaign.title,
    locale: recipient.locale,
    links: links.urls,
    shareUrl: campaignLink(recipient.locale, campaign.slug, { referral: recipient.referralCode }),
  });
  if (!mailSent) await db().signatureToken.deleteMany({ where: { tokenHash: links.confirmHash } });
}

export type TokenOutcome =
  | { kind: "confirmed" | "already-confirmed" | "withdrawn" | "already-withdrawn"; slug: string; referral?: string | null }
  | { kind: "invalid" | "expired" };

/**
 * Confirms the signature behind a CONFIRM token: single use, unexpired, and only from PENDING. A
 * quarantined signature is only marked as confirmed by its signer (confirmedAt) and stays
 * quarantined and uncounted until a moderator releases it; its signer sees the usual answers.
 */
export async function confirmSignature(token: string, now = new Date()): Promise<TokenOutcome> {
  if (!isWellFormedToken(token)) return { kind: "invalid" };
  return db().$transaction(async (tx) => {
    const found = await tx.signatureToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, purpose: true, usedAt: true, expiresAt: true, signature: { select: { id: true, status: true, confirmedAt: true, campaignId: true, country: true, referralCode: true, campaign: { select: { slug: true } } } } },
    });
    if (!found || found.purpose !== "CONFIRM") return { kind: "invalid" } as const;
    const { signature } = found;
    const slug = signature.campaign.slug;
    const referral = signature.referralCode;
    if (signature.status === "CONFIRMED") return { kind: "already-confirmed", slug, referral } as const;
    if (signature.status === "QUARANTINED") return { ...(await confirmQuarantined(tx, found, slug, now)), referral };
    if (found.usedAt || signature.status !== "PENDING") return { kind: "invalid" } as const;
    if (found.expiresAt.getTime() <= now.getTime()) return { kind: "expired" } as const;
    // Guarded on the status, so two requests racing with one link confirm (and count) once.
    const changed = await tx.signature.updateMany({ where: { id: signature.id, status: "PENDING" }, data: { status: "CONFIRMED", confirmedAt: now } });
    if (changed.count === 0) return { kind: "already-confirmed", slug, referral } as const;
    await tx.signatureToken.update({ where: { id: found.id }, data: { usedAt: now } });
    await adjustCount(tx, signature.campaignId, signature.country, +1);
    return { kind: "confirmed", slug, referral } as const;
  });
}

async function confirmQuarantined(
  tx: Prisma.TransactionClient,
  found: { id: number; usedAt: Date | null; expiresAt: Date; signature: { id: number; confirmedAt: Date | null } },
  slug: string,
  now: Date,
): Promise<TokenOutcome> {
  if (found.usedAt || found.signature.confirmedAt) return { kind: "already-confirmed", slug };
  if (found.expiresAt.getTime() <= now.getTime()) return { kind: "expired" };
  // Guarded like a pending confirmation; no count: moderation's "confirm" counts it on release.
  const changed = await tx.signature.updateMany({ where: { id: found.signature.id, status: "QUARANTINED", confirmedAt: null }, data: { confirmedAt: now } });
  if (changed.count === 0) return { kind: "already-confirmed", slug };
  await tx.signatureToken.update({ where: { id: found.id }, data: { usedAt: now } });
  return { kind: "confirmed", slug };
}

/** Withdraws the signature behind a WITHDRAW token, taking it out of the count if it was counted. */
export async function withdrawSignature(token: string, now = new Date()): Promise<TokenOutcome> {
  if (!isWellFormedToken(token)) return { kind: "invalid" };
  return db().$transaction(async (tx) => {
    const found = await tx.signatureToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, purpose: true, expiresAt: true, signatureId: true, signature: { select: { campaign: { select: { slug: true } } } } },
    });
    if (!found || found.purpose !== "WITHDRAW") return { kind: "invalid" } as const;
    const slug = found.signature.campaign.slug;
    if (found.expiresAt.getTime() <= now.getTime()) return { kind: "expired" } as const;
    const [row] = await tx.$queryRaw<{ status: string; campaignId: number; country: string }[]>`
      SELECT status, "campaignId", country FROM "Signature" WHERE id = ${found.signatureId} FOR UPDATE`;
    if (!row) return { kind: "invalid" } as const;
    if (row.status === "WITHDRAWN") return { kind: "already-withdrawn", slug } as const;
    await tx.signature.update({
      where: { id: found.signatureId },
      data: { status: "WITHDRAWN", statusReason: "Withdrawn by the signer" },
    });
    await tx.signatureToken.update({ where: { id: found.id }, data: { usedAt: now } });
    if (row.status === "CONFIRMED") await adjustCount(tx, row.campaignId, row.country, -1);
    return { kind: "withdrawn", slug } as const;
  });
}
