import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { acceptsConfirmations, confirmGraceHours, isOpenForSignatures } from "@/lib/petition/campaign-state";
import { adjustCount } from "@/lib/petition/counts";
import { enqueueMail, mailsSince, nudgeMailWorker, recipientKey } from "@/lib/email/queue";
import { consume, limiter } from "@/lib/petition/limits";
import { assessSubmission, type SubmissionContext } from "@/lib/petition/defences";
import type { Screening } from "@/lib/petition/screening";
import { confirmationMessage, repeatMessage } from "@/lib/petition/notify";
import { canonicalEmail } from "@/lib/petition/normalise";
import { awaitsConfirmation, type SignatureStatus } from "@/lib/petition/states";
import type { SignatureInput } from "@/lib/petition/schema";
import { campaignLink } from "@/lib/sharing/links";
import { newReferralCode, type Attribution } from "@/lib/sharing/referral";
import { CONFIRM_TOKEN_DAYS, daysFromNow, hashToken, isWellFormedToken, newToken, WITHDRAW_TOKEN_DAYS } from "@/lib/petition/tokens";

/** Expected failures of signing: keys of Petition.errors. */
export type PetitionErrorCode = "campaignNotFound" | "campaignClosed" | "tooManyFromNetwork";

/**
 * Mails a repeat attempt may cause to one address in a day (across campaigns): a new confirmation
 * link for an unconfirmed signature, or "you have already signed" with the owner's links. The first
 * confirmation mail of a new signature is not counted. Past the cap a repeat attempt changes nothing.
 */
export const MAX_REPEAT_MAILS_PER_DAY = 3;
/**
 * The cap counts per address and network: someone typing a stranger's address from their own network
 * uses up their own allowance, not the owner's (who signs from another). Across all networks an address
 * gets at most this many repeat mails a day.
 */
export const MAX_REPEAT_MAILS_PER_ADDRESS_PER_DAY = 10;
const FIRST_MAIL = "signature.confirm";
const REPEAT_MAILS = ["signature.reconfirm", "signature.repeat"];

/**
 * The one answer every signing attempt gets that is not refused outright for a reason that does not
 * depend on the address (campaign closed, network flooding): new, pending, confirmed, quarantined or
 * withdrawn, the caller learns nothing (docs/decisions/021).
 */
export type SignOutcome = { kind: "accepted" };
const ACCEPTED: SignOutcome = { kind: "accepted" };

export type SignContext = SubmissionContext & { locale: string; attribution?: Attribution };

type Campaign = { id: number; slug: string; title: string };
type Existing = { id: number; status: SignatureStatus; email: string; confirmedAt: Date | null; referralCode: string | null };

/**
 * Records a signing attempt and queues the mail that tells the address's owner what happened, in one
 * transaction; the mail server is never on this path (lib/email/queue.ts sends). What happens:
 * - a new address: a signature, pending or quarantined as the defences decide, and its confirmation link;
 * - an address whose signature its owner never confirmed (pending; quarantined, rejected or spam and
 *   unconfirmed) or withdrew: the latest submission replaces it and a new link is mailed; earlier
 *   links stop working, so only the mailbox's owner can make any version count;
 * - an address that has signed (confirmed, or confirmed and then rejected by a moderator): nothing
 *   changes; the owner is mailed their data and withdrawal links.
 * Repeats are capped per address and network, and per address, per day (docs/decisions/021). Robots' attempts (hidden field filled, replayed proof of
 * work) write nothing and send nothing. Too many attempts from one network are refused with
 * DomainError("tooManyFromNetwork"), writing nothing.
 */
export async function signPetition(slug: string, input: SignatureInput, context: SignContext): Promise<SignOutcome> {
  const campaign = await db().campaign.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, status: true, deadline: true } });
  if (!campaign || campaign.status === "DRAFT") throw new DomainError<PetitionErrorCode>("campaignNotFound");
  if (!isOpenForSignatures(campaign)) throw new DomainError<PetitionErrorCode>("campaignClosed");

  const { screening, clientHash } = await assessSubmission(campaign.id, input.email, context);
  if ("refuse" in screening) throw new DomainError<PetitionErrorCode>("tooManyFromNetwork");
  // A robot's: no row keyed on an address it chose, no mail to it.
  if ("drop" in screening) return ACCEPTED;

  const referredById = await referrerOf(campaign.id, context.attribution?.referral);
  // Counted for every attempt, new address or not, so that every path does the same work.
  const key = recipientKey(canonicalEmail(input.email));
  const fromThisNetwork = await consume(limiter("mail-repeat", { points: MAX_REPEAT_MAILS_PER_DAY + 1, seconds: 24 * 60 * 60 }), `${key}:${clientHash}`);
  const attempt = { campaign, input, screening, clientHash, referredById, context, key, networkCapped: fromThisNetwork > MAX_REPEAT_MAILS_PER_DAY + 1 };
  try {
    await db().$transaction((tx) => record(tx, attempt));
  } catch (error) {
    // Two first attempts with one address at once: the one that lost the insert is a repeat.
    if (!isUniqueViolation(error)) throw error;
    await db().$transaction((tx) => record(tx, attempt));
  }
  nudgeMailWorker();
  return ACCEPTED;
}

type Attempt = {
  campaign: Campaign;
  input: SignatureInput;
  screening: Extract<Screening, { status: string }>;
  clientHash: string;
  referredById: number | null;
  context: SignContext;
  /** The address's keyed hash (lib/email/queue.ts), and whether this network used up its repeats for it today. */
  key: string;
  networkCapped: boolean;
};

async function record(tx: Prisma.TransactionClient, { campaign, input, screening, clientHash, referredById, context, key, networkCapped }: Attempt): Promise<void> {
  const emailCanonical = canonicalEmail(input.email);
  // One attempt per address at a time, across campaigns, so that concurrent attempts cannot all read
  // the daily count before any of them adds to it (every path takes it: the same work for all).
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  // Every path reads the same two things first, so they take alike long.
  const [existing] = await tx.$queryRaw<Existing[]>`
    SELECT id, status, email, "confirmedAt", "referralCode" FROM "Signature"
    WHERE "campaignId" = ${campaign.id} AND "emailCanonical" = ${emailCanonical} FOR UPDATE`;
  const repeats = await mailsSince(tx, key, REPEAT_MAILS, new Date(Date.now() - 24 * 60 * 60 * 1000));
  const details = {
    fullName: input.fullName,
    email: input.email,
    country: input.country,
    comment: input.comment,
    showName: input.showName,
    mayContact: input.mayContact,
    locale: context.locale,
    status: screening.status,
    reasonCode: screening.reason,
    statusReason: null,
    clientHash,
  };

  // Every attempt runs the same two steps: (1) write the submission with a new confirmation link,
  // (2) send its owner their links. Each path keeps the step it needs and rolls the other back to a
  // savepoint, so that an answer's time does not tell a stranger which path the address took
  // (measured: without this, an address that had signed answered ~15 ms sooner than a new one).
  // Past the daily cap an existing address keeps neither.
  const capped = existing !== undefined && (networkCapped || repeats >= MAX_REPEAT_MAILS_PER_ADDRESS_PER_DAY);
  const reconfirm = existing === undefined || awaitsConfirmation(existing.status, existing.confirmedAt);
  let signatureId = existing?.id;
  await step(tx, reconfirm && !capped, async () => {
    const links = issueLinks();
    if (!existing) {
      const referral = newReferralCode();
      const created = await tx.signature.create({
        data: { campaignId: campaign.id, emailCanonical, ...details, referralCode: referral, referredById, utmSource: context.attribution?.source ?? null, tokens: { create: links.rows } },
        select: { id: true },
      });
      signatureId = created.id;
      const shareUrl = campaignLink(context.locale, campaign.slug, { referral });
      await enqueueMail(tx, { kind: FIRST_MAIL, recipientKey: key, message: confirmationMessage({ to: input.email, campaignTitle: campaign.title, locale: context.locale, links: links.urls, shareUrl }) });
      return;
    }
    await tx.signatureToken.deleteMany({ where: { signatureId: existing.id, purpose: "CONFIRM", usedAt: null } });
    // A pending signature stays pending: the network's limits are about how many addresses sign, and a
    // repeat adds none (its signer re-sending their mail from the same network must not be demoted).
    // Anything else is screened afresh.
    const screened = existing.status === "PENDING" ? { status: "PENDING" as const, reasonCode: null } : {};
    await tx.signature.update({ where: { id: existing.id }, data: { ...details, ...screened, confirmedAt: null, tokens: { create: links.rows } }, select: { id: true } });
    const shareUrl = campaignLink(context.locale, campaign.slug, { referral: existing.referralCode });
    await enqueueMail(tx, { kind: "signature.reconfirm", recipientKey: key, message: confirmationMessage({ to: input.email, campaignTitle: campaign.title, locale: context.locale, links: links.urls, shareUrl }) });
  });
  await step(tx, !reconfirm && !capped, async () => {
    const links = issueLinks();
    await tx.signatureToken.createMany({ data: links.rows.filter((row) => row.purpose !== "CONFIRM").map((row) => ({ ...row, signatureId: signatureId! })) });
    // To the address that signed, as stored, not as typed now (another capitalisation or plus-tag).
    await enqueueMail(tx, { kind: "signature.repeat", recipientKey: key, message: repeatMessage({ to: existing?.email ?? input.email, campaignTitle: campaign.title, locale: context.locale, links: links.urls }) });
  });
}

/** Runs `work` inside a savepoint, then keeps it or rolls it back: the same statements either way. */
async function step(tx: Prisma.TransactionClient, keep: boolean, work: () => Promise<void>): Promise<void> {
  await tx.$executeRaw`SAVEPOINT signing_step`;
  await work();
  if (keep) await tx.$executeRaw`RELEASE SAVEPOINT signing_step`;
  else await tx.$executeRaw`ROLLBACK TO SAVEPOINT signing_step`;
}

/** The signature a referral code belongs to, in the same campaign; null for anything else. */
async function referrerOf(campaignId: number, referral: string | null | undefined): Promise<number | null> {
  if (!referral) return null;
  const found = await db().signature.findUnique({ where: { referralCode: referral }, select: { id: true, campaignId: true } });
  return found?.campaignId === campaignId ? found.id : null;
}

function issueLinks(): { rows: Prisma.SignatureTokenCreateWithoutSignatureInput[]; urls: { confirmToken: string; withdrawToken: string; accessToken: string } } {
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
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

export type TokenOutcome =
  | { kind: "confirmed" | "already-confirmed" | "withdrawn" | "already-withdrawn"; slug: string; referral?: string | null }
  | { kind: "invalid" | "expired" }
  /** The campaign closed, and its grace period for confirmations is over: nothing was counted. */
  | { kind: "closed"; slug: string };

/**
 * Confirms the signature behind a CONFIRM token: single use, unexpired, and only from PENDING. A
 * quarantined signature is only marked as confirmed by its signer (confirmedAt) and stays
 * quarantined and uncounted until a moderator releases it; its signer sees the usual answers. Once
 * a campaign has closed and its grace period (CONFIRM_GRACE_HOURS) is over, nothing is confirmed:
 * the figure handed in must hold.
 */
export async function confirmSignature(token: string, now = new Date()): Promise<TokenOutcome> {
  if (!isWellFormedToken(token)) return { kind: "invalid" };
  return db().$transaction(async (tx) => {
    const found = await tx.signatureToken.findUnique({
      where: { tokenHash: hashToken(token) },
      select: { id: true, purpose: true, usedAt: true, expiresAt: true, signature: { select: { id: true, status: true, confirmedAt: true, campaignId: true, country: true, referralCode: true, campaign: { select: { slug: true, status: true, deadline: true, closedAt: true } } } } },
    });
    if (!found || found.purpose !== "CONFIRM") return { kind: "invalid" } as const;
    const { signature } = found;
    const slug = signature.campaign.slug;
    const referral = signature.referralCode;
    if (signature.status === "CONFIRMED") return { kind: "already-confirmed", slug, referral } as const;
    if (!acceptsConfirmations(signature.campaign, confirmGraceHours(), now)) return { kind: "closed", slug } as const;
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
    // A moderator's rejection stays: it does not count either way, and a withdrawal must not turn it
    // into a signature its signer may make again (signPetition opens withdrawn ones to their owner).
    if (row.status === "REJECTED" || row.status === "SPAM") {
      await tx.signatureToken.update({ where: { id: found.id }, data: { usedAt: now } });
      return { kind: "withdrawn", slug } as const;
    }
    await tx.signature.update({
      where: { id: found.signatureId },
      data: { status: "WITHDRAWN", reasonCode: "WITHDRAWN_BY_SIGNER", statusReason: null },
    });
    await tx.signatureToken.update({ where: { id: found.id }, data: { usedAt: now } });
    if (row.status === "CONFIRMED") await adjustCount(tx, row.campaignId, row.country, -1);
    return { kind: "withdrawn", slug } as const;
  });
}
