import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;

/** Audit entries, newest first, by keyset on the id. */
export async function listAudit(before?: number) {
  const rows = await db().auditEntry.findMany({
    where: before ? { id: { lt: before } } : undefined,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    include: { campaign: { select: { slug: true } } },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const entries = more ? rows.slice(0, AUDIT_PAGE_SIZE) : rows;
  return { entries, older: more ? (entries[entries.length - 1]?.id ?? null) : null };
}
