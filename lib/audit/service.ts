import "server-only";
import type { AuditActionName } from "@/lib/audit/actions";
import type { StaffUser } from "@/lib/auth/session";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Lists at most this many signature ids in an entry; larger bulk actions record the filter and count. */
export const AUDIT_MAX_IDS = 200;

export type AuditInput = {
  actor: Pick<StaffUser, "id" | "email"> | null;
  action: AuditActionName;
  campaignId?: number | null;
  signatureIds?: number[];
  filter?: Prisma.InputJsonValue;
  count?: number;
  reason?: string | null;
  details?: Prisma.InputJsonValue;
};

/** Writes an audit entry. Call it inside the transaction that makes the change it records. */
export async function recordAudit(tx: Prisma.TransactionClient, entry: AuditInput): Promise<void> {
  const ids = entry.signatureIds ?? [];
  await tx.auditEntry.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      campaignId: entry.campaignId ?? null,
      signatureIds: ids.length <= AUDIT_MAX_IDS ? ids : [],
      filter: entry.filter,
      count: entry.count ?? ids.length,
      reason: entry.reason ?? null,
      details: entry.details,
    },
  });
}
