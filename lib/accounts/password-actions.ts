"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { changeOwnPassword, PasswordChangeError } from "@/lib/accounts/password-service";
import { passwordChangeSchema, type PasswordChangeField } from "@/lib/accounts/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";
import { requireStaff } from "@/lib/auth/session";
import { requestLog } from "@/lib/log";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";

// The staff member's own password (any role; the form on /admin/accounts/me). It acts on the signed-in
// account only: nothing in the form says which account. Session first, then the form (decision 008).
// Passwords are never sent back to the browser.

export type PasswordChangeState = {
  fieldErrors: Partial<Record<PasswordChangeField, string>>;
  formError: string | null;
  /** Changes on every submission, so the form can move focus to the summary again. */
  attempt: number;
};

const MESSAGE_KEYS = ["currentRequired", "currentWrong", "passwordTooShort", "passwordTooLong", "passwordCommon", "passwordWeak", "passwordUnchanged", "mismatch"] as const;

export async function changePasswordAction(previous: PasswordChangeState, formData: FormData): Promise<PasswordChangeState> {
  const staff = await requireStaff();
  const t = await getTranslations("AdminPassword");
  const attempt = (previous?.attempt ?? 0) + 1;
  const message = (key: string) => {
    if (key === "passwordTooShort") return t("errors.passwordTooShort", { min: PASSWORD_MIN_LENGTH });
    return (MESSAGE_KEYS as readonly string[]).includes(key) ? t(`errors.${key as (typeof MESSAGE_KEYS)[number]}`) : t("errors.generic");
  };

  const parsed = passwordChangeSchema(staff).safeParse({
    currentPassword: formData.get("currentPassword") ?? undefined,
    newPassword: formData.get("newPassword") ?? undefined,
    confirmPassword: formData.get("confirmPassword") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors: PasswordChangeState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as PasswordChangeField] ??= message(issue.message);
    return { fieldErrors, formError: t("errors.fixBelow"), attempt };
  }

  try {
    await changeOwnPassword(staff, parsed.data);
  } catch (error) {
    if (error instanceof PasswordChangeError) return { fieldErrors: { currentPassword: message(error.code) }, formError: t("errors.fixBelow"), attempt };
    (await requestLog()).error("accounts: changing a password failed", { error });
    return { fieldErrors: {}, formError: t("errors.generic"), attempt };
  }
  // Every session of the account has ended, this one too: sign in again with the new password.
  redirect(await here(paths.adminLogin("password-changed")));
}
