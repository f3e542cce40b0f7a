"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { CampaignError } from "@/lib/campaigns/errors";
import { requestLog } from "@/lib/log";
import { campaignFormValues, campaignSchema, type CampaignField, type CampaignFormValues } from "@/lib/campaigns/schema";
import { createCampaign, updateCampaign, type SavedCampaign } from "@/lib/campaigns/service";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";

export type CampaignFormState = {
  fieldErrors: Partial<Record<CampaignField, string>>;
  formError: string | null;
  values: CampaignFormValues;
  /** Changes on every failed submission, so the form can move focus to the error summary again. */
  attempt: number;
};

export async function createCampaignAction(previous: CampaignFormState, formData: FormData): Promise<CampaignFormState> {
  return saveCampaign(null, previous, formData);
}

export async function updateCampaignAction(id: number, previous: CampaignFormState, formData: FormData): Promise<CampaignFormState> {
  return saveCampaign(id, previous, formData);
}

async function saveCampaign(id: number | null, previous: CampaignFormState, formData: FormData): Promise<CampaignFormState> {
  // First, before parsing: whatever they send, others are refused (docs/decisions/008).
  const actor = await requireAdmin();
  const parsed = campaignSchema.safeParse(formData instanceof FormData ? Object.fromEntries(formData) : {});

  const t = await getTranslations("AdminCampaigns.errors");
  const values = campaignFormValues(formData);
  const fail = (formError: string, fieldErrors: CampaignFormState["fieldErrors"] = {}): CampaignFormState => ({ fieldErrors, formError, values, attempt: (Number(previous?.attempt) || 0) + 1 });

  if (!parsed.success) {
    const fieldErrors: CampaignFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as CampaignField;
      fieldErrors[field] ??= t.has(issue.message as never) ? t(issue.message as never) : t("invalid");
    }
    return fail(t("fixBelow"), fieldErrors);
  }

  let saved: SavedCampaign;
  try {
    if (id === null) saved = await createCampaign(actor, parsed.data);
    else if (Number.isSafeInteger(id) && id > 0) saved = await updateCampaign(actor, id, parsed.data);
    else return fail(t("notFound"));
  } catch (error) {
    if (error instanceof CampaignError) return error.field ? fail(t("fixBelow"), { [error.field]: t(error.code) }) : fail(t(error.code));
    (await requestLog()).error("campaigns: saving failed", { error });
    return fail(t("generic"));
  }

  // Pages render per request; this drops what browsers hold of them (every page, every language).
  revalidatePath("/", "layout");
  redirect(await here(paths.adminCampaign(saved.id, id === null ? "created" : saved.changed.length > 0 ? "saved" : "unchanged")));
}
