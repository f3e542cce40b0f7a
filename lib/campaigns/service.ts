import "server-only";
import type { StaffUser } from "@/lib/auth/session";
import { recordAudit } from "@/lib/audit/service";
import { CAMPAIGN_FIELDS, type CampaignField, type CampaignInput } from "@/lib/campaigns/schema";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { Prisma } from "@/lib/generated/prisma/client";

/** Expected failures of campaign administration: keys of AdminCampaigns.errors. */
export type CampaignErrorCode = "slugTaken" | "notFound";

type Actor = Pick<StaffUser, "id" | "email">;
type Tx = Prisma.TransactionClient;

export type SavedCampaign = { id: number; slug: string; previousSlug: string | null; changed: readonly CampaignField[] };

/**
 * Creates a campaign and its audit entry in one transaction. A slug already in use is a DomainError
 * on the slug field, and nothing is written.
 */
export async function createCampaign(actor: Actor, input: CampaignInput): Promise<SavedCampaign> {
  return mapSlugRace(() =>
    db().$transaction(async (tx) => {
      await assertSlugFree(tx, input.slug, null);
      const campaign = await tx.campaign.create({
        data: { ...input, closedAt: input.status === "CLOSED" ? new Date() : null },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, {
        actor,
        action: "campaign.create",
        campaignId: campaign.id,
        details: { changed: CAMPAIGN_FIELDS, after: auditValues(input, CAMPAIGN_FIELDS) },
      });
      return { id: campaign.id, slug: campaign.slug, previousSlug: null, changed: CAMPAIGN_FIELDS };
    }),
  );
}

/**
 * Updates a campaign and records what changed, in one transaction. closedAt is set when the campaign
 * becomes CLOSED and cleared when it is reopened, so the retention job never purges a reopened
 * campaign's signers. Saving without a change writes nothing, not even an audit entry.
 */
export async function updateCampaign(actor: Actor, id: number, input: CampaignInput): Promise<SavedCampaign> {
  return mapSlugRace(() =>
    db().$transaction(async (tx) => {
      // Locked, so that two admins saving at once each record the difference to what the other saved.
      await tx.$executeRaw`SELECT 1 FROM "Campaign" WHERE "id" = ${id} FOR UPDATE`;
      const current = await tx.campaign.findUnique({ where: { id } });
      if (!current) throw new DomainError<CampaignErrorCode>("notFound");
      if (current.slug !== input.slug) await assertSlugFree(tx, input.slug, id);

      const changed = CAMPAIGN_FIELDS.filter((field) => !sameValue(current[field], input[field]));
      if (changed.length === 0) return { id, slug: current.slug, previousSlug: current.slug, changed };

      const data: Prisma.CampaignUpdateInput = Object.fromEntries(changed.map((field) => [field, input[field]]));
      if (changed.includes("status")) data.closedAt = input.status === "CLOSED" ? new Date() : null;
      await tx.campaign.update({ where: { id }, data });
      await recordAudit(tx, {
        actor,
        action: "campaign.update",
        campaignId: id,
        details: { changed, before: auditValues(current, changed), after: auditValues(input, changed) },
      });
      return { id, slug: input.slug, previousSlug: current.slug, changed };
    }),
  );
}

async function assertSlugFree(tx: Tx, slug: string, ownId: number | null): Promise<void> {
  const other = await tx.campaign.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== ownId) throw new DomainError<CampaignErrorCode>("slugTaken", "slug");
}

/** Two admins taking the same slug at once: the unique index stops the second, with the same error. */
async function mapSlugRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainError<CampaignErrorCode>("slugTaken", "slug");
    throw error;
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

// The statement can be long: the entry says that it changed, not what it said.
function auditValues(source: Pick<CampaignInput, CampaignField>, fields: readonly CampaignField[]): Prisma.InputJsonObject {
  const values: Record<string, string | number | null> = {};
  for (const field of fields) {
    if (field === "statement") continue;
    const value = source[field];
    values[field] = value instanceof Date ? value.toISOString() : value;
  }
  return values;
}
