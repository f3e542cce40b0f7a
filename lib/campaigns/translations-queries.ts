import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { isLocale } from "@/lib/i18n/locales";

// Admin reads (listTranslations, getTranslationForAdmin): the pages calling them check requireAdmin() first.

/** A campaign's translations, by language. */
export async function listTranslations(campaignId: number) {
  return db().campaignTranslation.findMany({
    where: { campaignId },
    orderBy: { locale: "asc" },
    select: { locale: true, title: true, summary: true, updatedAt: true },
  });
}

/** A campaign's original text and, when there is one, its translation into `locale`; null without the campaign. */
export async function getTranslationForAdmin(campaignId: number, locale: string) {
  const campaign = await db().campaign.findUnique({
    where: { id: campaignId },
    select: { id: true, slug: true, locale: true, title: true, summary: true, statement: true },
  });
  if (!campaign) return null;
  const translation = await db().campaignTranslation.findUnique({
    where: { campaignId_locale: { campaignId, locale } },
    select: { locale: true, title: true, summary: true, statement: true, updatedAt: true },
  });
  return { campaign, translation };
}

type Translatable = { id: number; locale: string; title: string; summary: string; statement: string };
export type Localised<T extends Translatable> = T & {
  /** The language the title, summary and statement are in now. */
  shownLocale: string;
  /** True when they come from a translation; false when they are the original's. */
  translated: boolean;
  /** The campaign's own language (Campaign.locale). */
  originalLocale: string;
};

// Per request: the page and its metadata ask for the same translation.
const findTranslation = cache(async (campaignId: number, locale: string) =>
  db().campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId, locale } }, select: { title: true, summary: true, statement: true } }),
);

/**
 * The campaign as a reader of `locale` sees it: the translation's title, summary and statement when
 * there is one, the original otherwise. Not translated and `shownLocale` different from `locale` means
 * "shown in the original for want of a translation" (the page says so); the same as `locale` means the
 * reader reads the original's own language. The statement is Markdown either way: render it with
 * renderStatement (lib/campaigns/markdown.ts), which sanitises translations as it does originals.
 */
export async function localisedCampaign<T extends Translatable>(campaign: T, locale: string): Promise<Localised<T>> {
  const original: Localised<T> = { ...campaign, shownLocale: campaign.locale, translated: false, originalLocale: campaign.locale };
  if (locale === campaign.locale || !isLocale(locale)) return original;
  const translation = await findTranslation(campaign.id, locale);
  if (!translation) return original;
  return { ...campaign, ...translation, shownLocale: locale, translated: true, originalLocale: campaign.locale };
}

type Listed = { id: number; locale: string; title: string; summary: string };
export type LocalisedListing<T extends Listed> = T & Pick<Localised<Translatable>, "shownLocale" | "translated" | "originalLocale">;

/** The same for a list (the home page's campaigns: titles and summaries only), in one query. */
export async function localisedCampaigns<T extends Listed>(campaigns: T[], locale: string): Promise<LocalisedListing<T>[]> {
  const wanted = isLocale(locale) ? campaigns.filter((campaign) => campaign.locale !== locale).map((campaign) => campaign.id) : [];
  const translations = wanted.length
    ? await db().campaignTranslation.findMany({ where: { campaignId: { in: wanted }, locale }, select: { campaignId: true, title: true, summary: true } })
    : [];
  const byCampaign = new Map(translations.map(({ campaignId, ...text }) => [campaignId, text]));
  return campaigns.map((campaign) => {
    const translation = byCampaign.get(campaign.id);
    return translation
      ? { ...campaign, ...translation, shownLocale: locale, translated: true, originalLocale: campaign.locale }
      : { ...campaign, shownLocale: campaign.locale, translated: false, originalLocale: campaign.locale };
  });
}
