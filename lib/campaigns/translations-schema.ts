import { z } from "zod";
import { TRANSLATION_LIMITS } from "@/lib/campaigns/fields";
import { requiredText as required, siteLocale as locale } from "@/lib/forms/fields";

// One schema for the translation form and the server. Error messages are message keys
// (AdminTranslations.errors.*), translated where they are shown. Limits follow the columns, which
// are the original's (Campaign.title, summary, statement).

export { TRANSLATION_FIELDS, TRANSLATION_LIMITS, TRANSLATION_TEXT_FIELDS, type TranslationField, type TranslationTextField } from "@/lib/campaigns/fields";

export const translationSchema = z.object({
  locale,
  title: required(TRANSLATION_LIMITS.title),
  summary: required(TRANSLATION_LIMITS.summary),
  statement: required(TRANSLATION_LIMITS.statement),
});

export type TranslationInput = z.output<typeof translationSchema>;

/** Deleting asks for a ticked "Yes, delete" box, so that it needs no JavaScript confirm dialog. */
export const deleteTranslationSchema = z.object({
  locale,
  confirm: z.literal("yes", { error: "confirmRequired" }),
});
