"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/session";
import { requestLog } from "@/lib/log";
import { parseSignatureFilter } from "@/lib/moderation/filter";
import { bulkModerationSchema, singleModerationSchema } from "@/lib/moderation/schema";
import { ModerationError, moderate, previewModeration, type ModerationTarget } from "@/lib/moderation/service";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";

export type ModerationState = {
  error: string | null;
  /** Set after a preview: how many signatures the action would change, and what to apply on confirmation. */
  preview: { count: number; action: string; scope: "selected" | "filter"; ids: number[]; reason: string | null } | null;
  done: string | null;
};

function revalidateAll(): void {
  revalidatePath("/", "layout");
}

async function explain(error: unknown): Promise<string> {
  const t = await getTranslations("AdminModeration.errors");
  if (error instanceof ModerationError) return t(error.code);
  (await requestLog()).error("moderation failed", { error });
  return t("generic");
}

/** One signature, from its detail page. */
export async function moderateSignatureAction(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const parsed = singleModerationSchema.safeParse({ id: formData.get("id"), action: formData.get("action"), reason: formData.get("reason") ?? undefined });
  const t = await getTranslations("AdminModeration");
  if (!parsed.success) return { error: t("errors.invalid"), preview: null, done: null };
  const { id, action, reason } = parsed.data;
  let changed: number;
  try {
    ({ changed } = await moderate(staff, { ids: [id] }, action, { reason }));
  } catch (error) {
    return { error: await explain(error), preview: null, done: null };
  }
  revalidateAll();
  if (action === "delete" && changed > 0) redirect(await here(paths.adminSignatures()));
  return { error: null, preview: null, done: changed > 0 ? t("done", { count: changed, action: t(`action.${action}`) }) : t("unchanged") };
}

/**
 * A selection, or everything matching the list's filter. The first submission previews how many
 * signatures would change; the second applies, and is refused if that number has changed meanwhile.
 */
export async function bulkModerationAction(_previous: ModerationState, formData: FormData): Promise<ModerationState> {
  const staff = await requireStaff();
  const parsed = bulkModerationSchema.safeParse({
    scope: formData.get("scope"),
    ids: formData.getAll("ids"),
    action: formData.get("action"),
    reason: formData.get("reason") ?? undefined,
    step: formData.get("step"),
    expectedCount: formData.get("expectedCount") ?? undefined,
  });
  const t = await getTranslations("AdminModeration");
  if (!parsed.success) return { error: t("errors.invalid"), preview: null, done: null };
  const { scope, ids, action, reason, step, expectedCount } = parsed.data;
  const target: ModerationTarget = scope === "selected" ? { ids } : { filter: parseSignatureFilter(formData) };
  if (scope === "selected" && ids.length === 0) return { error: t("errors.nothingSelected"), preview: null, done: null };
  try {
    if (step === "preview") {
      return { error: null, preview: { count: await previewModeration(target, action), action, scope, ids, reason }, done: null };
    }
    const { changed } = await moderate(staff, target, action, { reason, expectedCount });
    revalidateAll();
    return { error: null, preview: null, done: t("done", { count: changed, action: t(`action.${action}`) }) };
  } catch (error) {
    return { error: await explain(error), preview: null, done: null };
  }
}
