import { paths } from "@/lib/paths";

// Routes of campaign translations in the admin. (To move into lib/paths.ts once that file is free.)

/** What the campaign edit page's translations section confirms after a redirect. */
export type TranslationNotice = "translation-saved" | "translation-unchanged" | "translation-deleted";
export const TRANSLATION_NOTICES: TranslationNotice[] = ["translation-saved", "translation-unchanged", "translation-deleted"];
export const TRANSLATIONS_ANCHOR = "translations";

export const translationPaths = {
  /** The campaign edit page, scrolled to its translations section. */
  section: (campaignId: number, notice?: TranslationNotice) => `${paths.adminCampaign(campaignId)}${notice ? `?notice=${notice}` : ""}#${TRANSLATIONS_ANCHOR}`,
  /** The page editing one translation (it also adds one that does not exist yet). */
  edit: (campaignId: number, locale: string) => `${paths.adminCampaign(campaignId)}/translations/${encodeURIComponent(locale)}`,
} as const;
