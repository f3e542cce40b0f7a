"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { resetTwoFactorSchema } from "@/lib/auth/two-factor/schema";
import { resetTwoFactor, TwoFactorError } from "@/lib/auth/two-factor/service";
import { requestLog } from "@/lib/log";

export type ResetTwoFactorState = { error: string | null; notice: string | null; attempt: number };

/** The accounts page's "Reset two-factor" (admins only): recovery for a staff member who lost their app. */
export async function resetTwoFactorAction(previous: ResetTwoFactorState, formData: FormData): Promise<ResetTwoFactorState> {
  const actor = await requireAdmin();
  const t = await getTranslations("AdminTwoFactor");
  const attempt = (previous.attempt ?? 0) + 1;
  const parsed = resetTwoFactorSchema.safeParse({ id: formData.get("id") ?? undefined });
  if (!parsed.success) return { error: t("errors.notFound"), notice: null, attempt };
  try {
    const result = await resetTwoFactor(actor, parsed.data.id);
    revalidatePath("/", "layout");
    return { error: null, notice: t(result.changed ? "resetDone" : "resetUnchanged", { email: result.email }), attempt };
  } catch (error) {
    if (error instanceof TwoFactorError) return { error: t(`errors.${error.code}`), notice: null, attempt };
    (await requestLog()).error("two-factor: a reset failed", { error });
    return { error: t("errors.generic"), notice: null, attempt };
  }
}
