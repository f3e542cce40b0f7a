"use server";

import { requireAdmin } from "@/lib/auth/session";
import { resetTwoFactorSchema } from "@/lib/auth/two-factor/schema";
import { resetTwoFactor } from "@/lib/auth/two-factor/service";
import { runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

export type ResetTwoFactorState = FormState;

/** The accounts page's "Reset two-factor" (admins only): recovery for a staff member who lost their app. */
export async function resetTwoFactorAction(previous: ResetTwoFactorState, formData: FormData): Promise<ResetTwoFactorState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminTwoFactor",
    schema: resetTwoFactorSchema,
    show: "summary",
    failure: "two-factor: a reset failed",
    run: async ({ id }, { actor, t }) => {
      const result = await resetTwoFactor(actor, id);
      return { revalidate: true, notice: t(result.changed ? "resetDone" : "resetUnchanged", { email: result.email }) };
    },
  });
}
