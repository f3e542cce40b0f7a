"use server";

import { requireAdmin } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain-error";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";
import { LETTER_LIMITS } from "@/lib/letters/letter";
import { CAMPAIGN_LETTER_FIELDS, campaignLetterSchema, deleteTargetSchema, lettersBySiteOffSchema, lettersBySiteOnSchema, TARGET_FIELDS, TARGET_LIMITS, targetSchema, type CampaignLetterField, type TargetField } from "@/lib/letters/schema";
import { deleteTarget, saveCampaignLetter, saveTarget, setLettersBySite, type TargetErrorCode } from "@/lib/letters/service";
import { paths } from "@/lib/paths";

export type TargetFormState = FormState<TargetField>;
export type DeleteTargetState = FormState;
export type CampaignLetterFormState = FormState<CampaignLetterField>;

const validId = (id: number | null) => id === null || (Number.isSafeInteger(id) && id > 0);
// The public write page of every language shows targets and letters: revalidated with the rest.

/** Adds a target (`targetId` null) or changes one; both ids are bound by the page. */
export async function saveTargetAction(campaignId: number, targetId: number | null, previous: TargetFormState, formData: FormData): Promise<TargetFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTargets",
    schema: targetSchema,
    echo: (form) => echoFields(form, TARGET_FIELDS, TARGET_LIMITS.contactSource + 100),
    failure: "targets: saving failed",
    run: async (input, { actor }) => {
      if (!validId(campaignId) || !validId(targetId)) throw new DomainError<TargetErrorCode>("targetNotFound");
      const saved = await saveTarget(actor, campaignId, targetId, input);
      return { revalidate: saved.changed, redirect: paths.adminCampaignTargets(campaignId, saved.created ? "target-created" : saved.changed ? "target-saved" : "target-unchanged") };
    },
  });
}

export async function deleteTargetAction(campaignId: number, targetId: number, previous: DeleteTargetState, formData: FormData): Promise<DeleteTargetState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTargets",
    schema: deleteTargetSchema,
    show: "summary",
    failure: "targets: deleting failed",
    run: async (_input, { actor }) => {
      if (!validId(campaignId) || !validId(targetId)) throw new DomainError<TargetErrorCode>("targetNotFound");
      await deleteTarget(actor, campaignId, targetId);
      return { revalidate: true, redirect: paths.adminCampaignTargets(campaignId, "target-deleted") };
    },
  });
}

/** Saves the suggested letter in the language the form names. */
export async function saveCampaignLetterAction(campaignId: number, previous: CampaignLetterFormState, formData: FormData): Promise<CampaignLetterFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTargets",
    schema: campaignLetterSchema,
    echo: (form) => echoFields(form, CAMPAIGN_LETTER_FIELDS, LETTER_LIMITS.body + 100),
    failure: "targets: saving a letter failed",
    run: async (input, { actor }) => {
      if (!validId(campaignId)) throw new DomainError<TargetErrorCode>("campaignNotFound");
      const saved = await saveCampaignLetter(actor, campaignId, input);
      return { revalidate: saved.changed, redirect: paths.adminCampaignTargets(campaignId, saved.changed ? "letter-saved" : "letter-unchanged") };
    },
  });
}

/** Lets the site send signers' letters (a throttled drip per target), or stops it. */
export async function setLettersBySiteAction(campaignId: number, on: boolean, previous: DeleteTargetState, formData: FormData): Promise<DeleteTargetState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTargets",
    schema: on ? lettersBySiteOnSchema : lettersBySiteOffSchema,
    show: "summary",
    failure: "targets: changing the site's sending failed",
    run: async (_input, { actor }) => {
      if (!validId(campaignId)) throw new DomainError<TargetErrorCode>("campaignNotFound");
      const saved = await setLettersBySite(actor, campaignId, on);
      return { revalidate: saved.changed, redirect: paths.adminCampaignTargets(campaignId, on ? "by-site-on" : "by-site-off") };
    },
  });
}
