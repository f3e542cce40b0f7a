"use server";

import { changeOwnPassword } from "@/lib/accounts/password-service";
import { passwordChangeSchema, type PasswordChangeField } from "@/lib/accounts/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";
import { requireStaff } from "@/lib/auth/session";
import { runFormAction } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";
import { paths } from "@/lib/paths";

// The staff member's own password (any role; the form on /admin/accounts/me). It acts on the signed-in
// account only: nothing in the form says which account. Passwords are never sent back to the browser.

export type PasswordChangeState = FormState<PasswordChangeField>;

export async function changePasswordAction(previous: PasswordChangeState, formData: FormData): Promise<PasswordChangeState> {
  return runFormAction(previous, formData, {
    authorize: requireStaff,
    messages: "AdminPassword",
    // The new password is checked against the account's own email and name.
    schema: (staff) => passwordChangeSchema(staff),
    arguments: { passwordTooShort: { min: PASSWORD_MIN_LENGTH } },
    failure: "accounts: changing a password failed",
    run: async (input, { actor }) => {
      await changeOwnPassword(actor, input);
      // Every session of the account has ended, this one too: sign in again with the new password.
      return { redirect: paths.adminLogin("password-changed") };
    },
  });
}
