import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { signatureWhereSql, type SignatureFilter } from "@/lib/moderation/filter";
import type { SignatureStatus } from "@/lib/petition/states";

export const PAGE_SIZE = 50;

export type SignatureRow = {
  id: number;
  campaignSlug: string;
  fullName: string;
  email: string;
  country: string;
  status: SignatureStatus;
  comment: string | null;
  commentHidden: boolean;
  createdAt: Date;
};

export type SignaturePage = { rows: SignatureRow[]; newer: number | null; older: number | null };

/**
 * One page of signatures, newest first, by keyset on the id (no OFFSET): every page costs the same at
 * a million rows. `after` gives the page of older rows than that id, `before` the page of newer ones.
 */
export async function listSignatures(filter: SignatureFilter, cursor: { after?: number; before?: number } = {}): Promise<SignaturePage> {
  const backwards = cursor.before !== undefined && cursor.after === undefined;
  const keyset =
    cursor.after !== undefined ? Prisma.sql`AND s.id < ${cursor.after}` : backwards ? Prisma.sql`AND s.id > ${cursor.before}` : Prisma.empty;
  const order = backwards ? Prisma.sql`ORDER BY s.id ASC` : Prisma.sql`ORDER BY s.id DESC`;
  const found = await db().$queryRaw<SignatureRow[]>`
    SELECT s.id, c.slug AS "campaignSlug", s."fullName", s.email, s.country, s.status::text AS status, s.comment, s."commentHidden", s."createdAt"
    FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId"
    WHERE ${signatureWhereSql(filter)} ${keyset} ${order} LIMIT ${PAGE_SIZE + 1}`;
  const more = found.length > PAGE_SIZE;
  const rows = (more ? found.slice(0, PAGE_SIZE) : found).sort((a, b) => b.id - a.id);
  const first = rows[0]?.id ?? null;
  const last = rows[rows.length - 1]?.id ?? null;
  return {
    rows,
    // Going backwards, "more" means there are newer rows still; going forwards, older ones.
    newer: backwards ? (more ? first : null) : cursor.after !== undefined ? first : null,
    older: backwards ? last : more ? last : null,
  };
}

export async function getSignature(id: number) {
  const signature = await db().signature.findUnique({
    where: { id },
    include: { campaign: { select: { id: true, slug: true, title: true, locale: true } }, referredBy: { select: { id: true } } },
  });
  if (!signature) return null;
  const audit = await db().auditEntry.findMany({
    where: { signatureIds: { has: id } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, action: true, actorEmail: true, reason: true, createdAt: true, count: true },
  });
  return { signature, audit };
}

export async function campaignChoices() {
  return db().campaign.findMany({ orderBy: { createdAt: "desc" }, select: { id: true, title: true, slug: true, locale: true } });
}
