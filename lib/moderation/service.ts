import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/service";
import type { StaffUser } from "@/lib/auth/session";
import { signatureWhereSql, type SignatureFilter } from "@/lib/moderation/filter";
import { adjustCount } from "@/lib/petition/counts";
import { ACTION_APPLIES_TO, type SignatureStatus } from "@/lib/petition/states";

// Moderation: one implementation for one signature, a selection, or everything matching a filter.
// Each change is one transaction: lock the rows, check their state, change them, adjust the counts,
// write the audit entry. A bulk change touches only rows whose current status allows the move.

import { type ModerationActionName as ModerationAction } from "@/lib/moderation/names";

export type { ModerationAction };
/**
 * The actions offered for one signature, in order: those its status allows, the comment's only when
 * there is a comment and the action would change it (hide a shown one, show a hidden one), and
 * deletion only to admins.
 */
export function actionsFor(signature: { status: SignatureStatus; comment: string | null; commentHidden: boolean }, role: StaffUser["role"]): ModerationAction[] {
  const comment = (action: ModerationAction) =>
    action === "hide-comment" ? signature.comment !== null && !signature.commentHidden : action === "show-comment" ? signature.comment !== null && signature.commentHidden : true;
  return (Object.keys(ACTION_APPLIES_TO) as ModerationAction[]).filter(
    (action) => ACTION_APPLIES_TO[action].includes(signature.status) && comment(action) && (role === "ADMIN" || !ADMIN_ONLY.has(action)),
  );
}

/** Only admins delete; deletion and the bulk moves need a reason. */
export const ADMIN_ONLY: ReadonlySet<ModerationAction> = new Set(["delete"]);

export type ModerationTarget = { ids: number[] } | { filter: SignatureFilter };

/** Expected failures of moderation: keys of AdminModeration.errors. */
export type ModerationErrorCode = "reasonRequired" | "notAllowed" | "countChanged" | "nothingSelected";

function targetSql(target: ModerationTarget, action: ModerationAction): Prisma.Sql {
  const where = "ids" in target ? Prisma.sql`s.id = ANY(${target.ids}::int[])` : signatureWhereSql(target.filter);
  const statuses = Prisma.sql`s.status = ANY(${[...ACTION_APPLIES_TO[action]]}::"SignatureStatus"[])`;
  const comment = action.endsWith("-comment") ? Prisma.sql` AND s.comment IS NOT NULL` : Prisma.empty;
  return Prisma.sql`${where} AND ${statuses}${comment}`;
}

/** How many signatures the action would change now: the preview shown before a bulk change. */
export async function previewModeration(target: ModerationTarget, action: ModerationAction): Promise<number> {
  if ("ids" in target && target.ids.length === 0) return 0;
  const [row] = await db().$queryRaw<[{ n: number }]>`SELECT count(*)::int AS n FROM "Signature" s WHERE ${targetSql(target, action)}`;
  return row.n;
}

type Changed = { campaignId: number; country: string; delta: number; n: number; ids: number[] };

function changeSql(action: ModerationAction, reason: string | null): Prisma.Sql {
  if (action === "hide-comment" || action === "show-comment") {
    return Prisma.sql`UPDATE "Signature" u SET "commentHidden" = ${action === "hide-comment"}, "updatedAt" = now()
      FROM target WHERE u.id = target.id RETURNING u.id, target.status AS old, u.status AS new, u.country, u."campaignId"`;
  }
  if (action === "delete") {
    return Prisma.sql`DELETE FROM "Signature" u USING target WHERE u.id = target.id
      RETURNING u.id, target.status AS old, NULL::"SignatureStatus" AS new, u.country, u."campaignId"`;
  }
  const next =
    action === "restore"
      ? Prisma.sql`CASE WHEN target."confirmedAt" IS NOT NULL THEN 'CONFIRMED'::"SignatureStatus" ELSE 'PENDING'::"SignatureStatus" END`
      : Prisma.sql`${{ confirm: "CONFIRMED", reject: "REJECTED", spam: "SPAM" }[action]}::"SignatureStatus"`;
  return Prisma.sql`UPDATE "Signature" u SET status = ${next}, "reasonCode" = 'MODERATOR', "statusReason" = ${reason}, "updatedAt" = now(),
      "confirmedAt" = CASE WHEN ${next} = 'CONFIRMED' THEN COALESCE(u."confirmedAt", now()) ELSE u."confirmedAt" END
    FROM target WHERE u.id = target.id RETURNING u.id, target.status AS old, u.status AS new, u.country, u."campaignId"`;
}

export type ModerationResult = { changed: number };

/**
 * Applies a moderation action. With `expectedCount` (the preview the moderator saw), refuses when
 * the number of matching signatures has changed since, so nobody changes more than they agreed to.
 */
export async function moderate(
  actor: StaffUser,
  target: ModerationTarget,
  action: ModerationAction,
  options: { reason?: string | null; expectedCount?: number } = {},
): Promise<ModerationResult> {
  const reason = options.reason?.trim() || null;
  if (ADMIN_ONLY.has(action) && actor.role !== "ADMIN") throw new DomainError<ModerationErrorCode>("notAllowed");
  const bulk = !("ids" in target) || target.ids.length > 1;
  if (!reason && (action === "delete" || (bulk && !action.endsWith("-comment")))) throw new DomainError<ModerationErrorCode>("reasonRequired");
  if ("ids" in target && target.ids.length === 0) throw new DomainError<ModerationErrorCode>("nothingSelected");

  return db().$transaction(
    async (tx) => {
      const groups = await tx.$queryRaw<Changed[]>`
        WITH target AS (
          SELECT s.id, s.status, s.country, s."campaignId", s."confirmedAt" FROM "Signature" s
          WHERE ${targetSql(target, action)} ORDER BY s.id FOR UPDATE
        ), changed AS (${changeSql(action, reason)})
        SELECT "campaignId", country,
          sum(CASE WHEN new IS DISTINCT FROM 'CONFIRMED' AND old = 'CONFIRMED' THEN -1
                   WHEN new = 'CONFIRMED' AND old <> 'CONFIRMED' THEN 1 ELSE 0 END)::int AS delta,
          count(*)::int AS n, (array_agg(id ORDER BY id))[1:201] AS ids
        FROM changed GROUP BY "campaignId", country`;
      const changed = groups.reduce((sum, group) => sum + group.n, 0);
      if (options.expectedCount !== undefined && changed !== options.expectedCount) throw new DomainError<ModerationErrorCode>("countChanged");
      for (const group of groups) await adjustCount(tx, group.campaignId, group.country, group.delta);
      const campaigns = [...new Set(groups.map((group) => group.campaignId))];
      await recordAudit(tx, {
        actor,
        action: `signature.${action}`,
        campaignId: campaigns.length === 1 ? campaigns[0] : null,
        signatureIds: groups.flatMap((group) => group.ids),
        filter: "filter" in target ? (target.filter as Prisma.InputJsonValue) : undefined,
        count: changed,
        reason,
      });
      return { changed };
    },
    { timeout: 120_000 },
  );
}
