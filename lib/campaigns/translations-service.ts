import "server-only";
import { recordAudit } from "@/lib/audit/service";
import type { StaffUser } from "@/lib/auth/session";
import { TRANSLATION_TEXT_FIELDS, type TranslationInput, type TranslationTextField } from "@/lib/campaigns/translations-schema";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isLocale } from "@/lib/i18n/locales";

/** Expected failures of a campaign's translations: keys of AdminTranslations.errors. */
export type TranslationErrorCode = "sameAsOriginal" | "localeInvalid" | "campaignNotFound" | "notFound";

type Actor = Pick<StaffUser, "id" | "email">;
type Tx = Prisma.TransactionClient;

export type SavedTranslation = { campaignId: number; slug: string; locale: string; created: boolean; changed: TranslationTextField[] };
export type DeletedTranslation = { campaignId: number; slug: string; locale: string };

/**
 * Adds or updates a campaign's translation into `input.locale`, and records what changed, in one
 * transaction. A translation into the original's own language is refused (it would hide the original).
 * Saving without a change writes nothing, not even an audit entry.
 */
export async function saveTranslation(actor: Actor, campaignId: number, input: TranslationInput): Promise<SavedTranslation> {
  if (!isLocale(input.locale)) throw new DomainError<TranslationErrorCode>("localeInvalid", "locale");
  return db().$transaction(async (tx) => {
    // Locked, so that two admins saving the same translation at once are applied one after the other
    // (the second records the difference to the first, instead of failing on the unique index). NO KEY
    // UPDATE, unlike UPDATE, does not hold up signatures, whose foreign key takes KEY SHARE on the row.
    const campaign = await lockCampaign(tx, campaignId);
    if (campaign.locale === input.locale) throw new DomainError<TranslationErrorCode>("sameAsOriginal", "locale");
    const where = { campaignId_locale: { campaignId, locale: input.locale } };
    const current = await tx.campaignTranslation.findUnique({ where, select: { title: true, summary: true, statement: true } });
    const changed = TRANSLATION_TEXT_FIELDS.filter((field) => current?.[field] !== input[field]);
    const base = { campaignId, slug: campaign.slug, locale: input.locale };
    if (changed.length === 0) return { ...base, created: false, changed };

    const data: Prisma.CampaignTranslationUpdateInput = Object.fromEntries(changed.map((field) => [field, input[field]]));
    if (current) await tx.campaignTranslation.update({ where, data });
    else await tx.campaignTranslation.create({ data: { campaignId, locale: input.locale, title: input.title, summary: input.summary, statement: input.statement } });
    await recordAudit(tx, {
      actor,
      action: "campaign.translation.save",
      campaignId,
      details: current
        ? { locale: input.locale, changed, before: auditValues(current, changed), after: auditValues(input, changed) }
        : { locale: input.locale, created: true, changed, after: auditValues(input, changed) },
    });
    return { ...base, created: !current, changed };
  });
}

/** Deletes a campaign's translation and records it, in one transaction; a missing one is a DomainError. */
export async function deleteTranslation(actor: Actor, campaignId: number, locale: string): Promise<DeletedTranslation> {
  return db().$transaction(async (tx) => {
    const campaign = await lockCampaign(tx, campaignId);
    const current = await tx.campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId, locale } }, select: { id: true, title: true, summary: true } });
    if (!current) throw new DomainError<TranslationErrorCode>("notFound");
    await tx.campaignTranslation.delete({ where: { id: current.id } });
    await recordAudit(tx, {
      actor,
      action: "campaign.translation.delete",
      campaignId,
      details: { locale, before: { title: current.title, summary: current.summary } },
    });
    return { campaignId, slug: campaign.slug, locale };
  });
}

async function lockCampaign(tx: Tx, campaignId: number): Promise<{ slug: string; locale: string }> {
  if (!Number.isSafeInteger(campaignId) || campaignId <= 0) throw new DomainError<TranslationErrorCode>("campaignNotFound");
  const [campaign] = await tx.$queryRaw<{ slug: string; locale: string }[]>`SELECT "slug", "locale" FROM "Campaign" WHERE "id" = ${campaignId} FOR NO KEY UPDATE`;
  if (!campaign) throw new DomainError<TranslationErrorCode>("campaignNotFound");
  return campaign;
}

// The statement can be long: the entry says that it changed, not what it said (as for campaigns).
function auditValues(source: Record<TranslationTextField, string>, fields: readonly TranslationTextField[]): Prisma.InputJsonObject {
  return Object.fromEntries(fields.filter((field) => field !== "statement").map((field) => [field, source[field]]));
}
