"use server";

import { changeAccountRole, createAccount, setAccountEnabled } from "@/lib/accounts/admin-service";
import { accountEnabledSchema, accountRoleSchema, newAccountSchema, type NewAccountField } from "@/lib/accounts/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";
import { requireAdmin } from "@/lib/auth/session";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";

// The accounts page's forms, for admins only. They return a state rather than redirect, so the page
// re-renders with the change and a notice, with or without JavaScript.

export type NewAccountFormState = FormState<NewAccountField>;
export type AccountChangeState = FormState;

/** What a failed submission sends back: never the password. */
const ECHOED = ["email", "name", "role"] as const;

export async function createAccountAction(previous: NewAccountFormState, formData: FormData): Promise<NewAccountFormState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminAccounts",
    schema: newAccountSchema,
    echo: (form) => echoFields(form, ECHOED, 400),
    arguments: { passwordTooShort: { min: PASSWORD_MIN_LENGTH } },
    failure: "accounts: creating an account failed",
    // After a success the form is empty again, ready for the next account.
    run: async (input, { actor, t }) => {
      await createAccount(actor, input);
      return { revalidate: true, notice: t("create.created", { email: input.email }) };
    },
  });
}

export async function setAccountEnabledAction(previous: AccountChangeState, formData: FormData): Promise<AccountChangeState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminAccounts",
    schema: accountEnabledSchema,
    show: "summary",
    failure: "accounts: changing an account failed",
    run: async ({ id, enabled }, { actor, t }) => {
      const result = await setAccountEnabled(actor, id, enabled);
      return { revalidate: true, notice: result.changed ? t(enabled ? "actions.enabled" : "actions.disabled", { email: result.email }) : t("actions.unchanged") };
    },
  });
}

export async function changeAccountRoleAction(previous: AccountChangeState, formData: FormData): Promise<AccountChangeState> {
  return runFormAction(previous, formData, {
    authorize: requireAdmin,
    messages: "AdminAccounts",
    schema: accountRoleSchema,
    show: "summary",
    failure: "accounts: changing an account failed",
    run: async ({ id, role }, { actor, t }) => {
      const result = await changeAccountRole(actor, id, role);
      return { revalidate: true, notice: result.changed ? t("actions.roleChanged", { email: result.email, role: t(`role.${role}`) }) : t("actions.unchanged") };
    },
  });
}
