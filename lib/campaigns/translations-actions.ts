"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { TranslationError } from "@/lib/campaigns/translations-errors";
import { translationPaths } from "@/lib/campaigns/translations-paths";
import { deleteTranslationSchema, translationFormValues, translationSchema, type TranslationField, type TranslationFormValues } from "@/lib/campaigns/translations-schema";
import { deleteTranslation, saveTranslation, type SavedTranslation } from "@/lib/campaigns/translations-service";
import { requestLog } from "@/lib/log";
import { here } from "@/lib/navigation";

export type TranslationFormState = {
  fieldErrors: Partial<Record<TranslationField, string>>;
  formError: string | null;
  values: TranslationFormValues;
  /** Changes on every failed submission, so the form can move focus to the error summary again. */
  attempt: number;
};

export type DeleteTranslationState = { formError: string | null; attempt: number };

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** Adds or updates a translation (the form's locale field says which); `campaignId` is bound by the page. */
export async function saveTranslationAction(campaignId: number, previous: TranslationFormState, formData: FormData): Promise<TranslationFormState> {
  // First, before parsing: whatever they send, others are refused (docs/decisions/008).
  const actor = await requireAdmin();
  const parsed = translationSchema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : {});

  const t = await getTranslations("AdminTranslations.errors");
  const values = formData instanceof FormData ? translationFormValues(formData) : {};
  const fail = (formError: string, fieldErrors: TranslationFormState["fieldErrors"] = {}): TranslationFormState => ({ fieldErrors, formError, values, attempt: (Number(previous?.attempt) || 0) + 1 });

  if (!parsed.success) {
    const fieldErrors: TranslationFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as TranslationField;
      fieldErrors[field] ??= t.has(issue.message as never) ? t(issue.message as never) : t("invalid");
    }
    return fail(t("fixBelow"), fieldErrors);
  }
  if (!validId(campaignId)) return fail(t("campaignNotFound"));

  let saved: SavedTranslation;
  try {
    saved = await saveTranslation(actor, campaignId, parsed.data);
  } catch (error) {
    if (error instanceof TranslationError) return error.field ? fail(t("fixBelow"), { [error.field]: t(error.code) }) : fail(t(error.code));
    (await requestLog()).error("campaign translations: saving failed", { error });
    return fail(t("generic"));
  }
  if (saved.changed.length > 0) revalidateCampaignText();
  redirect(await here(translationPaths.section(campaignId, saved.changed.length > 0 ? "translation-saved" : "translation-unchanged")));
}

/** Deletes the translation named by the form's locale field, once its "Yes, delete" box is ticked. */
export async function deleteTranslationAction(campaignId: number, previous: DeleteTranslationState, formData: FormData): Promise<DeleteTranslationState> {
  const actor = await requireAdmin();
  const parsed = deleteTranslationSchema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : {});

  const t = await getTranslations("AdminTranslations.errors");
  const fail = (formError: string): DeleteTranslationState => ({ formError, attempt: (Number(previous?.attempt) || 0) + 1 });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(issue && t.has(issue.message as never) ? t(issue.message as never) : t("invalid"));
  }
  if (!validId(campaignId)) return fail(t("campaignNotFound"));

  try {
    await deleteTranslation(actor, campaignId, parsed.data.locale);
  } catch (error) {
    if (error instanceof TranslationError) return fail(t(error.code));
    (await requestLog()).error("campaign translations: deleting failed", { error });
    return fail(t("generic"));
  }
  revalidateCampaignText();
  redirect(await here(translationPaths.section(campaignId, "translation-deleted")));
}

// What shows a campaign's text: its public page (every language), the admin pages, the home page's list.
function revalidateCampaignText() {
  revalidatePath("/", "layout");
}
