import "server-only";
import { createHmac } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { persistentSecret } from "@/lib/secrets";
import { maskAddress, sendMail, type MailMessage } from "./mailer";

// The mail queue (the MailOutbox table). A mail is written in the same transaction as what it tells
// about, so signing never waits for the mail server and a signature is never saved without its mail
// (or the reverse). A worker in each server process sends what is due: it claims a batch in one
// statement (FOR UPDATE SKIP LOCKED, so several instances never claim the same mail), sends, and
// marks each sent; a failure is retried with growing delays, then given up. A claim is a lease: a
// process that dies mid-send leaves its mails to be claimed again when the lease ends.
// See docs/decisions/021.

/** Attempts before a mail is given up (about 9 hours of retries with the delays below). */
export const MAX_ATTEMPTS = 10;
/** How long a claimed mail is left to its worker before another may take it. */
const LEASE_SECONDS = 120;
const POLL_MS = 1_000;

/** The delay before attempt `attempts + 1`: 10 s, 20 s, 40 s … at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
}

/** A keyed hash of an address (its canonical form), so mails can be counted per address without keeping it. */
export function recipientKey(emailCanonical: string): string {
  return createHmac("sha256", persistentSecret("CLIENT_HASH_KEY", "client-hash-key")).update(`mail:${emailCanonical}`).digest("hex");
}

export type QueuedMail = { kind: string; recipientKey: string; message: MailMessage; updateId?: number; signatureId?: number; notBefore?: Date };

/** Queues a mail inside the caller's transaction; the worker is nudged once it commits. */
export async function enqueueMail(tx: Prisma.TransactionClient, mail: QueuedMail): Promise<void> {
  await enqueueMails(tx, [mail]);
}

/** Queues many at once (a batch of a campaign update's recipients), each not before its `notBefore`. */
export async function enqueueMails(tx: Prisma.TransactionClient, mails: QueuedMail[]): Promise<void> {
  await tx.mailOutbox.createMany({
    data: mails.map((mail) => ({
      kind: mail.kind,
      recipientKey: mail.recipientKey,
      message: mail.message,
      updateId: mail.updateId ?? null,
      signatureId: mail.signatureId ?? null,
      ...(mail.notBefore ? { nextAttemptAt: mail.notBefore } : {}),
    })),
  });
}

/** How many mails of these kinds went (or wait to go) to an address since `since`. */
export async function mailsSince(tx: Prisma.TransactionClient, key: string, kinds: string[], since: Date): Promise<number> {
  return tx.mailOutbox.count({ where: { recipientKey: key, kind: { in: kinds }, createdAt: { gte: since } } });
}

/**
 * Removes sent and given-up mails older than `days` (their messages are already gone: what is left is a
 * keyed hash of the address and times, kept for the daily cap). Run with the retention job.
 */
export async function purgeOutbox(days = 7, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return (await db().mailOutbox.deleteMany({ where: { status: { in: ["SENT", "FAILED"] }, createdAt: { lt: before } } })).count;
}

export type QueueStatus = {
  /** Waiting to be sent (including ones being retried). */
  queued: number;
  /** How long the oldest waiting one has waited, in seconds (0 when none waits). */
  oldestSeconds: number;
  /** Given up on in the last 24 hours. */
  failedLastDay: number;
  /** The most recent attempt's error among those waiting or given up in the last day (addresses masked). */
  lastError: string | null;
};

/** The queue's state for staff (the dashboard): a mail server that refuses shows here, not to signers. */
export async function queueStatus(options: { now?: Date; recipientKeys?: string[] } = {}): Promise<QueueStatus> {
  const now = options.now ?? new Date();
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  // Only these recipients' mail (tests that share one database look at their own).
  const only = options.recipientKeys ? { recipientKey: { in: options.recipientKeys } } : {};
  const [waiting, oldest, failed, latest] = await Promise.all([
    db().mailOutbox.count({ where: { ...only, status: "QUEUED" } }),
    db().mailOutbox.findFirst({ where: { ...only, status: "QUEUED" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db().mailOutbox.count({ where: { ...only, status: "FAILED", createdAt: { gte: dayAgo } } }),
    db().mailOutbox.findFirst({
      where: { ...only, lastError: { not: null }, OR: [{ status: "QUEUED" }, { status: "FAILED", createdAt: { gte: dayAgo } }] },
      orderBy: { nextAttemptAt: "desc" },
      select: { lastError: true },
    }),
  ]);
  return {
    queued: waiting,
    oldestSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.createdAt.getTime()) / 1000)) : 0,
    failedLastDay: failed,
    lastError: latest?.lastError ?? null,
  };
}

type Claimed = { id: number; attempts: number; message: MailMessage | null; updateId: number | null; signatureId: number | null };

/**
 * Sends what is due, a batch at a time, until nothing is due or `maxBatches` have run. Returns how
 * many were sent and how many failed (to be retried or given up). Safe to run in several processes.
 */
export async function drainOutbox(options: { maxBatches?: number; concurrency?: number; recipientKeys?: string[] } = {}): Promise<{ sent: number; failed: number }> {
  const totals = { sent: 0, failed: 0 };
  // Only these recipients' mail (tests that share one database send only their own).
  const only = options.recipientKeys ? Prisma.sql`AND "recipientKey" = ANY(${options.recipientKeys})` : Prisma.empty;
  // A batch is as many as are sent at once, so that every claimed mail is being sent while its lease
  // runs (a claimed mail waiting its turn could outlive the lease and be claimed again elsewhere).
  const concurrency = options.concurrency ?? mailConcurrency();
  for (let batch = 0; batch < (options.maxBatches ?? Infinity); batch++) {
    // Times in UTC: Prisma's DateTime columns hold UTC, now() is in the session's zone (lib/petition/counts.ts).
    const claimed = await db().$queryRaw<Claimed[]>`
      UPDATE "MailOutbox" SET "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${LEASE_SECONDS}), attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM "MailOutbox" WHERE status = 'QUEUED' AND "nextAttemptAt" <= (now() AT TIME ZONE 'UTC') ${only}
        ORDER BY "nextAttemptAt", id LIMIT ${concurrency} FOR UPDATE SKIP LOCKED)
      RETURNING id, attempts, message, "updateId", "signatureId"`;
    if (claimed.length === 0) break;
    await Promise.all(
      claimed.map(async (mail) => {
        const outcome = await sendOne(mail);
        if (outcome !== "skipped") totals[outcome] += 1;
      }),
    );
  }
  return totals;
}

/** Sends one claimed mail: "skipped" is an update's mail to a signer who no longer consents (not sent, removed). */
async function sendOne(mail: Claimed): Promise<"sent" | "failed" | "skipped"> {
  try {
    if (!mail.message) throw new Error("the queued mail has no message");
    // A campaign update goes only to a signer who still consents: one who withdrew, unsubscribed or was
    // anonymised since it was queued is not sent it. The mail is removed (it is no failure of the mail
    // server, which the dashboard's "given up" reports) and counted on the update as not sent.
    if (mail.signatureId !== null && !(await stillConsents(mail.signatureId))) {
      const removed = await db().mailOutbox.deleteMany({ where: { id: mail.id, status: "QUEUED", attempts: mail.attempts } });
      if (removed.count === 1) await countForUpdate(mail, "skipped");
      return "skipped";
    }
    await sendMail(mail.message);
    if (await mark(mail, { status: "SENT", sentAt: new Date(), message: Prisma.DbNull, lastError: null })) await countForUpdate(mail, "sent");
    return "sent";
  } catch (error) {
    const detail = maskAddress(error instanceof Error ? `${(error.cause as { code?: string } | undefined)?.code ?? error.name}: ${error.message}` : String(error)).slice(0, 500);
    const giveUp = mail.attempts >= MAX_ATTEMPTS;
    const marked = await mark(
      mail,
      giveUp ? { status: "FAILED", message: Prisma.DbNull, lastError: detail } : { nextAttemptAt: new Date(Date.now() + retryDelaySeconds(mail.attempts) * 1000), lastError: detail },
    );
    if (giveUp && marked) await countForUpdate(mail, "failed");
    if (giveUp) log.error("mail: given up after every attempt", { id: mail.id, attempts: mail.attempts });
    return "failed";
  }
}

/** Records an attempt's end, only while this claim is the mail's latest (a later claim owns it otherwise). */
async function mark(mail: Claimed, data: Prisma.MailOutboxUpdateManyMutationInput): Promise<boolean> {
  return (await db().mailOutbox.updateMany({ where: { id: mail.id, status: "QUEUED", attempts: mail.attempts }, data })).count === 1;
}

async function stillConsents(signatureId: number): Promise<boolean> {
  const found = await db().signature.findUnique({ where: { id: signatureId }, select: { status: true, mayContact: true, anonymisedAt: true } });
  return found?.status === "CONFIRMED" && found.mayContact && found.anonymisedAt === null;
}

/** An update's count of how its mails ended (the queue's rows are removed a week after). */
async function countForUpdate(mail: Claimed, outcome: "sent" | "failed" | "skipped"): Promise<void> {
  if (mail.updateId === null) return;
  await db().campaignUpdate.updateMany({ where: { id: mail.updateId }, data: { [outcome]: { increment: 1 } } });
}

/** MAIL_CONCURRENCY: mails a process sends at once (default 4; the SMTP pool opens as many connections). */
export function mailConcurrency(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MAIL_CONCURRENCY?.trim();
  if (!raw) return 4;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 50) throw new Error(`MAIL_CONCURRENCY must be a whole number from 1 to 50; got "${raw}".`);
  return value;
}

const worker = globalThis as unknown as { advocateMailWorker?: { running: boolean; again: boolean; timer: NodeJS.Timeout } };

/** Runs the queue in this process: every second, and at once when this process queued a mail. */
export function startMailWorker(): void {
  if (worker.advocateMailWorker || process.env.MAIL_WORKER === "off") return;
  const timer = setInterval(() => nudgeMailWorker(), POLL_MS);
  timer.unref();
  worker.advocateMailWorker = { running: false, again: false, timer };
}

/** Asks the worker for a round now (after a commit that queued mail). Does nothing without a worker. */
export function nudgeMailWorker(): void {
  const state = worker.advocateMailWorker;
  if (!state) return;
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = true;
  void (async () => {
    do {
      state.again = false;
      try {
        await drainOutbox();
      } catch (error) {
        // The database is away or busy: the next tick tries again.
        log.warn("mail: the queue could not be read", { error });
      }
    } while (state.again);
    state.running = false;
  })();
}
