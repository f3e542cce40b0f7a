"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireStaffForTwoFactorSetup } from "@/lib/auth/session";
import { twoFactorCodeSchema } from "@/lib/auth/two-factor/schema";
import { confirmTwoFactorSetup, disableTwoFactor, startTwoFactorSetup, TwoFactorError } from "@/lib/auth/two-factor/service";
import { requestLog } from "@/lib/log";

// The staff member's own two-factor forms (any role; open even to an admin who must first set it up,
// since this is where they do). Each acts on the signed-in account only: nothing in the form says
// which account. They return a state rather than redirect, so the page re-renders with the change.

export type TwoFactorFormState = { error: string | null; notice: string | null; attempt: number };

async function run(previous: TwoFactorFormState, change: () => Promise<string>): Promise<TwoFactorFormState> {
  const t = await getTranslations("AdminTwoFactor");
  const attempt = (previous.attempt ?? 0) + 1;
  try {
    const notice = await change();
    revalidatePath("/", "layout");
    return { error: null, notice, attempt };
  } catch (error) {
    if (error instanceof TwoFactorError) return { error: t(`errors.${error.code}`), notice: null, attempt };
    (await requestLog()).error("two-factor: a change failed", { error });
    return { error: t("errors.generic"), notice: null, attempt };
  }
}

export async function startTwoFactorSetupAction(previous: TwoFactorFormState, _formData: FormData): Promise<TwoFactorFormState> {
  const staff = await requireStaffForTwoFactorSetup();
  const t = await getTranslations("AdminTwoFactor");
  return run(previous, async () => {
    await startTwoFactorSetup(staff.id);
    return t("started");
  });
}

export async function confirmTwoFactorAction(previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  const staff = await requireStaffForTwoFactorSetup();
  const t = await getTranslations("AdminTwoFactor");
  const parsed = twoFactorCodeSchema.safeParse({ code: formData.get("code") ?? undefined });
  if (!parsed.success) return { error: t("errors.codeFormat"), notice: null, attempt: (previous.attempt ?? 0) + 1 };
  return run(previous, async () => {
    await confirmTwoFactorSetup(staff, parsed.data.code);
    return t("enabled");
  });
}

export async function disableTwoFactorAction(previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  const staff = await requireStaffForTwoFactorSetup();
  const t = await getTranslations("AdminTwoFactor");
  const parsed = twoFactorCodeSchema.safeParse({ code: formData.get("code") ?? undefined });
  if (!parsed.success) return { error: t("errors.codeFormat"), notice: null, attempt: (previous.attempt ?? 0) + 1 };
  return run(previous, async () => {
    await disableTwoFactor(staff, parsed.data.code);
    return t("disabled");
  });
}
