"use server";

import { requireStaff } from "@/lib/auth/session";
import { DomainError } from "@/lib/domain-error";
import { runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { parseSignatureFilter } from "@/lib/moderation/filter";
import type { ModerationActionName } from "@/lib/moderation/names";
import { bulkModerationSchema, singleModerationSchema } from "@/lib/moderation/schema";
import { moderate, previewModeration, type ModerationTarget } from "@/lib/moderation/service";
import { paths } from "@/lib/paths";

export type ModerationState = FormState<
  string,
  {
    /** Set after a preview: how many signatures the action would change, and what to apply on confirmation. */
    preview: { count: number; action: ModerationActionName; scope: "selected" | "filter"; ids: number[]; reason: string | null } | null;
  }
>;

const common = { authorize: requireStaff, messages: "AdminModeration", show: "summary", extra: { preview: null }, failure: "moderation failed" } as const;

/** One signature, from its detail page. */
export async function moderateSignatureAction(previous: ModerationState, formData: FormData): Promise<ModerationState> {
  return runFormAction(previous, formData, {
    ...common,
    schema: singleModerationSchema,
    run: async ({ id, action, reason }, { actor, t }) => {
      const { changed } = await moderate(actor, { ids: [id] }, action, { reason });
      // A deleted signature has no page left: back to the list.
      if (action === "delete" && changed > 0) return { revalidate: true, redirect: paths.adminSignatures() };
      return { revalidate: true, notice: changed > 0 ? t("done", { count: changed, action: t(`action.${action}`) }) : t("unchanged") };
    },
  });
}

/**
 * A selection, or everything matching the list's filter. The first submission previews how many
 * signatures would change; the second applies, and is refused if that number has changed meanwhile.
 */
export async function bulkModerationAction(previous: ModerationState, formData: FormData): Promise<ModerationState> {
  return runFormAction(previous, formData, {
    ...common,
    schema: bulkModerationSchema,
    read: (form) => ({ ...Object.fromEntries(form), ids: form.getAll("ids") }),
    run: async ({ scope, ids, action, reason, step, expectedCount }, { actor, formData: form, t, keep }) => {
      if (scope === "selected" && ids.length === 0) throw new DomainError("nothingSelected");
      const target: ModerationTarget = scope === "selected" ? { ids } : { filter: parseSignatureFilter(form) };
      if (step === "preview") {
        keep({ preview: { count: await previewModeration(target, action), action, scope, ids, reason } });
        return {};
      }
      const { changed } = await moderate(actor, target, action, { reason, expectedCount });
      return { revalidate: true, notice: t("done", { count: changed, action: t(`action.${action}`) }) };
    },
  });
}
