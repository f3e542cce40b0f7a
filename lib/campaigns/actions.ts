"use server";

import { requireAdmin } from "@/lib/auth/session";
import { CAMPAIGN_FIELDS, campaignSchema, STATEMENT_MAX, type CampaignField } from "@/lib/campaigns/schema";
import { createCampaign, updateCampaign, type SavedCampaign } from "@/lib/campaigns/service";
import { DomainError } from "@/lib/domain-error";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";
import { paths } from "@/lib/paths";

export type CampaignFormState = FormState<CampaignField>;

export async function createCampaignAction(previous: CampaignFormState, formData: FormData): Promise<CampaignFormState> {
  return saveCampaign(null, previous, formData);
}

export async function updateCampaignAction(id: number, previous: CampaignFormState, formData: FormData): Promise<CampaignFormState> {
  return saveCampaign(id, previous, formData);
}

function saveCampaign(id: number | null, previous: CampaignFormState, formData: FormData): Promise<CampaignFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminCampaigns",
    schema: campaignSchema,
    echo: (form) => echoFields(form, CAMPAIGN_FIELDS, STATEMENT_MAX + 1_000),
    failure: "campaigns: saving failed",
    run: async (input, { actor }) => {
      let saved: SavedCampaign;
      if (id === null) saved = await createCampaign(actor, input);
      else if (Number.isSafeInteger(id) && id > 0) saved = await updateCampaign(actor, id, input);
      else throw new DomainError("notFound");
      // Every page in every language shows campaigns (their text, the home page's list).
      return { revalidate: true, redirect: paths.adminCampaign(saved.id, id === null ? "created" : saved.changed.length > 0 ? "saved" : "unchanged") };
    },
  });
}
