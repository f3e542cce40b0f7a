import "server-only";
import { db } from "@/lib/db";

// Staff reads (the pages check the role first).

const SELECT = {
  id: true,
  status: true,
  queued: true,
  sent: true,
  failed: true,
  skipped: true,
  unsubscribed: true,
  createdAt: true,
  sendingAt: true,
  texts: { select: { locale: true, subject: true, body: true }, orderBy: { locale: "asc" } },
} as const;

export async function listUpdates(campaignId: number) {
  return db().campaignUpdate.findMany({ where: { campaignId }, orderBy: { createdAt: "desc" }, select: SELECT });
}

export async function getUpdate(campaignId: number, updateId: number) {
  if (!Number.isSafeInteger(updateId) || updateId <= 0) return null;
  return db().campaignUpdate.findFirst({ where: { id: updateId, campaignId }, select: SELECT });
}

export type UpdateRow = NonNullable<Awaited<ReturnType<typeof getUpdate>>>;

/** Mails of this update still waiting in the queue (not yet due, or being retried). */
export async function waitingMails(updateId: number): Promise<number> {
  return db().mailOutbox.count({ where: { updateId, status: "QUEUED" } });
}
