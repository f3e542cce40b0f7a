"use server";

import { z } from "zod";
import { requireStaffForTwoFactorSetup } from "@/lib/auth/session";
import { twoFactorCodeSchema } from "@/lib/auth/two-factor/schema";
import { confirmTwoFactorSetup, disableTwoFactor, startTwoFactorSetup } from "@/lib/auth/two-factor/service";
import { runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

// The staff member's own two-factor forms (any role; open even to an admin who must first set it up,
// since this is where they do). Each acts on the signed-in account only: nothing in the form says
// which account. They return a state rather than redirect, so the page re-renders with the change.

export type TwoFactorFormState = FormState;

const common = { authorize: requireStaffForTwoFactorSetup, messages: "AdminTwoFactor", show: "summary", failure: "two-factor: a change failed" } as const;

export async function startTwoFactorSetupAction(previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  return runFormAction(previous, formData, {
    ...common,
    schema: z.object({}),
    run: async (_input, { actor, t }) => {
      await startTwoFactorSetup(actor.id);
      return { revalidate: true, notice: t("started") };
    },
  });
}

export async function confirmTwoFactorAction(previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  return runFormAction(previous, formData, {
    ...common,
    schema: twoFactorCodeSchema,
    run: async ({ code }, { actor, t }) => {
      await confirmTwoFactorSetup(actor, code);
      return { revalidate: true, notice: t("enabled") };
    },
  });
}

export async function disableTwoFactorAction(previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  return runFormAction(previous, formData, {
    ...common,
    schema: twoFactorCodeSchema,
    run: async ({ code }, { actor, t }) => {
      await disableTwoFactor(actor, code);
      return { revalidate: true, notice: t("disabled") };
    },
  });
}
