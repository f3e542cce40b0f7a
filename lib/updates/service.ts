import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { StaffUser } from "@/lib/auth/session";
import { renderStatement } from "@/lib/campaigns/markdown";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { enqueueMails, nudgeMailWorker, recipientKey, type QueuedMail } from "@/lib/email/queue";
import { updateEmail } from "@/lib/email/templates";
import { localised, paths } from "@/lib/paths";
import { canonicalEmail } from "@/lib/petition/normalise";
import { daysFromNow, newToken, WITHDRAW_TOKEN_DAYS } from "@/lib/petition/tokens";
import { absoluteUrl } from "@/lib/site-url";
import type { UpdateTextInput } from "@/lib/updates/schema";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/updates/unsubscribe-token";

// Campaign updates: staff write one per language, test it on themselves, then send it to the
// confirmed signers who agreed to be contacted. Sending puts the mails in the queue a batch of
// signers at a time (by signature id, never all in memory), each not before its turn at the
// throttled rate; the queue's worker sends them, checking again that the signer still consents.

/** Expected failures: keys of AdminUpdates.errors. */
export type UpdateErrorCode = "campaignNotFound" | "updateNotFound" | "alreadySent" | "noText" | "noRecipients";

type Actor = Pick<StaffUser, "id" | "email">;

/** Recipients put in the queue per batch. */
export const UPDATE_BATCH = 500;
export const UPDATE_RATE_VARIABLE = "UPDATE_MAILS_PER_MINUTE";

/** UPDATE_MAILS_PER_MINUTE: how fast an update goes out (default 300, 1 to 10,000), so that the mail server and the recipients' providers are not flooded. */
export function updateMailsPerMinute(env: Record<string, string | undefined> = process.env): number {
  const raw = env.UPDATE_MAILS_PER_MINUTE?.trim();
  if (!raw) return 300;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) throw new Error(`${UPDATE_RATE_VARIABLE} must be a whole number from 1 to 10000; got "${raw}".`);
  return value;
}

/** Who an update goes to: confirmed, consenting, not anonymised. (Withdrawn signatures are not CONFIRMED.) */
const CONSENTING = { status: "CONFIRMED", mayContact: true, anonymisedAt: null } as const;

export async function consentingSigners(campaignId: number): Promise<number> {
  return db().signature.count({ where: { campaignId, ...CONSENTING } });
}

export async function createUpdate(campaignId: number): Promise<number> {
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0 || !(await db().campaign.findUnique({ where: { id: campaignId }, select: { id: true } }))) {
    throw new DomainError<UpdateErrorCode>("campaignNotFound");
  }
  return (await db().campaignUpdate.create({ data: { campaignId }, select: { id: true } })).id;
}

async function draft(campaignId: number, updateId: number) {
  const update = await db().campaignUpdate.findFirst({ where: { id: updateId, campaignId }, include: { texts: true, campaign: { select: { title: true, locale: true } } } });
  if (!update) throw new DomainError<UpdateErrorCode>("updateNotFound");
  return update;
}

/** Saves the update's text in one language, while it is a draft. */
export async function saveUpdateText(campaignId: number, updateId: number, input: UpdateTextInput): Promise<{ changed: boolean }> {
  const update = await draft(campaignId, updateId);
  if (update.status !== "DRAFT") throw new DomainError<UpdateErrorCode>("alreadySent");
  const current = update.texts.find((text) => text.locale === input.locale);
  if (current?.subject === input.subject && current.body === input.body) return { changed: false };
  await db().campaignUpdateText.upsert({
    where: { updateId_locale: { updateId, locale: input.locale } },
    create: { updateId, ...input },
    update: { subject: input.subject, body: input.body },
  });
  return { changed: true };
}

type Recipient = { signatureId: number; email: string; locale: string };
type UpdateForMail = { id: number; campaign: { title: string; locale: string }; texts: { locale: string; subject: string; body: string }[] };

/** The text a signer of `locale` reads: theirs, else the campaign's own language's, else the first. */
function textFor(update: UpdateForMail, locale: string) {
  return update.texts.find((text) => text.locale === locale) ?? update.texts.find((text) => text.locale === update.campaign.locale) ?? update.texts[0]!;
}

// The rendered HTML of each text, once per batch rather than once per recipient.
type Rendered = Map<string, string>;
const htmlOf = (rendered: Rendered, text: { locale: string; body: string }) => {
  if (!rendered.has(text.locale)) rendered.set(text.locale, renderStatement(text.body));
  return rendered.get(text.locale)!;
};

function mailFor(update: UpdateForMail, recipient: Recipient, dataToken: string, html: Rendered, test = false): QueuedMail {
  const text = textFor(update, recipient.locale);
  const token = test ? "test" : unsubscribeToken(recipient.signatureId, update.id);
  const rendered = updateEmail({
    locale: text.locale,
    campaignTitle: update.campaign.title,
    subject: text.subject,
    markdown: text.body,
    html: htmlOf(html, text),
    unsubscribeUrl: absoluteUrl(localised(text.locale, paths.unsubscribe(token))),
    dataUrl: absoluteUrl(localised(text.locale, paths.myData(dataToken))),
    test,
  });
  return {
    kind: test ? "campaign.update.test" : "campaign.update",
    recipientKey: recipientKey(canonicalEmail(recipient.email)),
    updateId: test ? undefined : update.id,
    signatureId: test ? undefined : recipient.signatureId,
    message: {
      to: recipient.email,
      ...rendered,
      // RFC 2369 and RFC 8058: a mail app's own "unsubscribe" posts here, with no page in between.
      headers: { "List-Unsubscribe": `<${absoluteUrl(paths.apiUnsubscribe(token))}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    },
  };
}

/** Sends the update in every language it has to the staff member alone, marked as a test. */
export async function sendTestUpdate(actor: Actor, campaignId: number, updateId: number): Promise<{ languages: number }> {
  const update = await draft(campaignId, updateId);
  if (update.texts.length === 0) throw new DomainError<UpdateErrorCode>("noText");
  await db().$transaction(async (tx) => {
    await enqueueMails(
      tx,
      update.texts.map((text) => mailFor(update, { signatureId: 0, email: actor.email, locale: text.locale }, "test", new Map(), true)),
    );
    await recordAudit(tx, { actor, action: "campaign.news.test", campaignId, details: { updateId, languages: update.texts.map((text) => text.locale) } });
  });
  nudgeMailWorker();
  return { languages: update.texts.length };
}

/** Starts sending to every consenting signer; the first batch is queued now, the rest by the job. */
export async function startSending(actor: Actor, campaignId: number, updateId: number): Promise<{ recipients: number }> {
  const update = await draft(campaignId, updateId);
  if (update.texts.length === 0) throw new DomainError<UpdateErrorCode>("noText");
  const recipients = await consentingSigners(campaignId);
  if (recipients === 0) throw new DomainError<UpdateErrorCode>("noRecipients");
  await db().$transaction(async (tx) => {
    const started = await tx.campaignUpdate.updateMany({ where: { id: updateId, status: "DRAFT" }, data: { status: "QUEUEING", sendingAt: new Date() } });
    if (started.count === 0) throw new DomainError<UpdateErrorCode>("alreadySent");
    await recordAudit(tx, { actor, action: "campaign.news.send", campaignId, count: recipients, details: { updateId, languages: update.texts.map((text) => text.locale), recipients } });
  });
  await queueUpdateBatch(updateId);
  return { recipients };
}

/**
 * Queues the next batch of an update's recipients (in a transaction that holds the update's row, so
 * two instances never queue the same batch). Returns how many were queued; the update is QUEUED once
 * a batch comes back short.
 */
export async function queueUpdateBatch(updateId: number, batch = UPDATE_BATCH, env: Record<string, string | undefined> = process.env): Promise<number> {
  const perMinute = updateMailsPerMinute(env);
  const queued = await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "CampaignUpdate" WHERE id = ${updateId} AND status = 'QUEUEING' FOR UPDATE SKIP LOCKED`;
    if (!locked) return 0;
    const update = await tx.campaignUpdate.findUniqueOrThrow({ where: { id: updateId }, include: { texts: true, campaign: { select: { title: true, locale: true } } } });
    const signers = await tx.signature.findMany({
      where: { campaignId: update.campaignId, ...CONSENTING, id: { gt: update.cursor } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, email: true, locale: true },
    });
    // Each mail's turn at the throttled rate, counted from when sending started.
    const start = (update.sendingAt ?? new Date()).getTime();
    const tokens = signers.map(() => newToken());
    const rendered: Rendered = new Map();
    await tx.signatureToken.createMany({ data: signers.map((signer, index) => ({ signatureId: signer.id, purpose: "ACCESS" as const, tokenHash: tokens[index]!.hash, expiresAt: daysFromNow(WITHDRAW_TOKEN_DAYS) })) });
    await enqueueMails(
      tx,
      signers.map((signer, index) => ({
        ...mailFor(update, { signatureId: signer.id, email: signer.email, locale: signer.locale }, tokens[index]!.token, rendered),
        notBefore: new Date(start + Math.floor(((update.queued + index) * 60_000) / perMinute)),
      })),
    );
    await tx.campaignUpdate.update({
      where: { id: updateId },
      data: { cursor: signers.at(-1)?.id ?? update.cursor, queued: { increment: signers.length }, ...(signers.length < batch ? { status: "QUEUED" } : {}) },
    });
    return signers.length;
  });
  if (queued > 0) nudgeMailWorker();
  return queued;
}

/** The job's tick: queues batches of every update being sent, for at most `budgetMs`. */
export async function queuePendingUpdates(budgetMs = 2_000): Promise<number> {
  const until = Date.now() + budgetMs;
  let total = 0;
  for (const { id } of await db().campaignUpdate.findMany({ where: { status: "QUEUEING" }, select: { id: true }, orderBy: { id: "asc" } })) {
    while (Date.now() < until) {
      const queued = await queueUpdateBatch(id);
      total += queued;
      if (queued < UPDATE_BATCH) break;
    }
  }
  return total;
}

export type UnsubscribeOutcome = "unsubscribed" | "already" | "invalid";

/** Turns off the signer's consent to updates (from the link or a mail app's one-click post). */
export async function unsubscribe(token: string): Promise<UnsubscribeOutcome> {
  const ids = readUnsubscribeToken(token);
  if (!ids) return "invalid";
  return db().$transaction(async (tx) => {
    const changed = await tx.signature.updateMany({ where: { id: ids.signatureId, mayContact: true }, data: { mayContact: false } });
    if (changed.count === 0) return (await tx.signature.count({ where: { id: ids.signatureId } })) ? "already" : "invalid";
    await tx.campaignUpdate.updateMany({ where: { id: ids.updateId }, data: { unsubscribed: { increment: 1 } } });
    return "unsubscribed";
  });
}
