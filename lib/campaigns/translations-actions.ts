"use server";

import { requireAdmin } from "@/lib/auth/session";
import { STATEMENT_MAX, TRANSLATION_FIELDS, type TranslationField } from "@/lib/campaigns/fields";
import { translationPaths } from "@/lib/campaigns/translations-paths";
import { deleteTranslationSchema, translationSchema } from "@/lib/campaigns/translations-schema";
import { deleteTranslation, saveTranslation } from "@/lib/campaigns/translations-service";
import { DomainError } from "@/lib/domain-error";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";

export type TranslationFormState = FormState<TranslationField>;
export type DeleteTranslationState = FormState;

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** Adds or updates a translation (the form's locale field says which); `campaignId` is bound by the page. */
export async function saveTranslationAction(campaignId: number, previous: TranslationFormState, formData: FormData): Promise<TranslationFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTranslations",
    schema: translationSchema,
    echo: (form) => echoFields(form, TRANSLATION_FIELDS, STATEMENT_MAX + 1_000),
    failure: "campaign translations: saving failed",
    run: async (input, { actor }) => {
      if (!validId(campaignId)) throw new DomainError("campaignNotFound");
      const saved = await saveTranslation(actor, campaignId, input);
      const changed = saved.changed.length > 0;
      // What shows a campaign's text: its public page (every language), the admin pages, the home page's list.
      return { revalidate: changed, redirect: translationPaths.section(campaignId, changed ? "translation-saved" : "translation-unchanged") };
    },
  });
}

/** Deletes the translation named by the form's locale field, once its "Yes, delete" box is ticked. */
export async function deleteTranslationAction(campaignId: number, previous: DeleteTranslationState, formData: FormData): Promise<DeleteTranslationState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTranslations",
    schema: deleteTranslationSchema,
    show: "summary",
    failure: "campaign translations: deleting failed",
    run: async (input, { actor }) => {
      if (!validId(campaignId)) throw new DomainError("campaignNotFound");
      await deleteTranslation(actor, campaignId, input.locale);
      return { revalidate: true, redirect: translationPaths.section(campaignId, "translation-deleted") };
    },
  });
}
