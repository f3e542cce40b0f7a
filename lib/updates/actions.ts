"use server";

import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain-error";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";
import { sendUpdateSchema, testUpdateSchema, UPDATE_LIMITS, UPDATE_TEXT_FIELDS, updateTextSchema, type UpdateTextField } from "@/lib/updates/schema";
import { createUpdate, saveUpdateText, sendTestUpdate, startSending, type UpdateErrorCode } from "@/lib/updates/service";

export type UpdateTextFormState = FormState<UpdateTextField>;
export type UpdateSendState = FormState;

const validId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** A new draft, then its page. A one-button form with nothing to validate (like the confirmation's). */
export async function createUpdateAction(campaignId: number): Promise<void> {
  await requireAdmin();
  const id = await createUpdate(campaignId);
  redirect(await here(paths.adminCampaignUpdate(campaignId, id, "created")));
}

export async function saveUpdateTextAction(campaignId: number, updateId: number, previous: UpdateTextFormState, formData: FormData): Promise<UpdateTextFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminUpdates",
    schema: updateTextSchema,
    echo: (form) => echoFields(form, UPDATE_TEXT_FIELDS, UPDATE_LIMITS.body + 100),
    failure: "updates: saving a text failed",
    run: async (input) => {
      if (!validId(campaignId) || !validId(updateId)) throw new DomainError<UpdateErrorCode>("updateNotFound");
      const saved = await saveUpdateText(campaignId, updateId, input);
      return { redirect: paths.adminCampaignUpdate(campaignId, updateId, saved.changed ? "text-saved" : "text-unchanged") };
    },
  });
}

export async function sendTestUpdateAction(campaignId: number, updateId: number, previous: UpdateSendState, formData: FormData): Promise<UpdateSendState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminUpdates",
    schema: testUpdateSchema,
    show: "summary",
    failure: "updates: the test failed",
    run: async (_input, { actor }) => {
      if (!validId(campaignId) || !validId(updateId)) throw new DomainError<UpdateErrorCode>("updateNotFound");
      await sendTestUpdate(actor, campaignId, updateId);
      return { redirect: paths.adminCampaignUpdate(campaignId, updateId, "test-sent") };
    },
  });
}

export async function sendUpdateAction(campaignId: number, updateId: number, previous: UpdateSendState, formData: FormData): Promise<UpdateSendState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminUpdates",
    schema: sendUpdateSchema,
    show: "summary",
    failure: "updates: sending failed",
    run: async (_input, { actor }) => {
      if (!validId(campaignId) || !validId(updateId)) throw new DomainError<UpdateErrorCode>("updateNotFound");
      await startSending(actor, campaignId, updateId);
      return { redirect: paths.adminCampaignUpdate(campaignId, updateId, "sending") };
    },
  });
}
