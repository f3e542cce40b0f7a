"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { AccountError, changeAccountRole, createAccount, setAccountEnabled } from "@/lib/accounts/admin-service";
import { accountEnabledSchema, accountRoleSchema, newAccountSchema, type NewAccountField } from "@/lib/accounts/schema";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";
import { requireAdmin } from "@/lib/auth/session";
import { requestLog } from "@/lib/log";

// The accounts page's forms. Each action checks the role BEFORE parsing: these forms are for admins
// only, so nobody else learns even how a submission would be validated, and a caller without the
// role is refused whatever it sends. They return a state rather than redirect, so the page re-renders
// with the change and a notice, with or without JavaScript.

type EchoedField = Exclude<NewAccountField, "password">;

export type NewAccountFormState = {
  fieldErrors: Partial<Record<NewAccountField, string>>;
  formError: string | null;
  /** Set after a success; the form is then empty again. */
  notice: string | null;
  /** What was typed, except the password, which is never sent back to the browser. */
  values: Partial<Record<EchoedField, string>>;
  /** Changes on every submission, so the form can move focus to the summary again. */
  attempt: number;
};

export type AccountChangeState = { error: string | null; notice: string | null; attempt: number };

const ECHOED: EchoedField[] = ["email", "name", "role"];
// The schema's message keys that have a text; any other problem (e.g. too long) reads "not valid".
const FIELD_ERROR_KEYS = ["emailInvalid", "emailTaken", "roleInvalid", "passwordCommon", "passwordWeak"] as const;

export async function createAccountAction(previous: NewAccountFormState, formData: FormData): Promise<NewAccountFormState> {
  const actor = await requireAdmin();
  const t = await getTranslations("AdminAccounts");
  const values: NewAccountFormState["values"] = {};
  for (const field of ECHOED) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 400);
  }
  const attempt = previous.attempt + 1;
  const fail = (formError: string, fieldErrors: NewAccountFormState["fieldErrors"] = {}): NewAccountFormState => ({ fieldErrors, formError, notice: null, values, attempt });
  const message = (key: string) => {
    if (key === "passwordTooShort") return t("errors.passwordTooShort", { min: PASSWORD_MIN_LENGTH });
    return (FIELD_ERROR_KEYS as readonly string[]).includes(key) ? t(`errors.${key as (typeof FIELD_ERROR_KEYS)[number]}`) : t("errors.invalid");
  };

  const parsed = newAccountSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: NewAccountFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path[0] as NewAccountField] ??= message(issue.message);
    return fail(t("errors.fixBelow"), fieldErrors);
  }

  try {
    await createAccount(actor, parsed.data);
  } catch (error) {
    if (error instanceof AccountError && error.code === "emailTaken") return fail(t("errors.fixBelow"), { email: t("errors.emailTaken") });
    if (error instanceof AccountError) return fail(t(`errors.${error.code}`));
    (await requestLog()).error("accounts: creating an account failed", { error });
    return fail(t("errors.generic"));
  }
  revalidatePath("/", "layout");
  return { fieldErrors: {}, formError: null, notice: t("create.created", { email: parsed.data.email }), values: {}, attempt };
}

async function runChange(previous: AccountChangeState, change: () => Promise<string>): Promise<AccountChangeState> {
  const t = await getTranslations("AdminAccounts");
  const attempt = previous.attempt + 1;
  try {
    const notice = await change();
    revalidatePath("/", "layout");
    return { error: null, notice, attempt };
  } catch (error) {
    if (error instanceof AccountError) return { error: t(`errors.${error.code}`), notice: null, attempt };
    (await requestLog()).error("accounts: changing an account failed", { error });
    return { error: t("errors.generic"), notice: null, attempt };
  }
}

export async function setAccountEnabledAction(previous: AccountChangeState, formData: FormData): Promise<AccountChangeState> {
  const actor = await requireAdmin();
  const t = await getTranslations("AdminAccounts");
  const parsed = accountEnabledSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t("errors.notFound"), notice: null, attempt: previous.attempt + 1 };
  const { id, enabled } = parsed.data;
  return runChange(previous, async () => {
    const result = await setAccountEnabled(actor, id, enabled);
    if (!result.changed) return t("actions.unchanged");
    return t(enabled ? "actions.enabled" : "actions.disabled", { email: result.email });
  });
}

export async function changeAccountRoleAction(previous: AccountChangeState, formData: FormData): Promise<AccountChangeState> {
  const actor = await requireAdmin();
  const t = await getTranslations("AdminAccounts");
  const parsed = accountRoleSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { error: t(parsed.error.issues[0]?.message === "roleInvalid" ? "errors.roleInvalid" : "errors.notFound"), notice: null, attempt: previous.attempt + 1 };
  const { id, role } = parsed.data;
  return runChange(previous, async () => {
    const result = await changeAccountRole(actor, id, role);
    if (!result.changed) return t("actions.unchanged");
    return t("actions.roleChanged", { email: result.email, role: t(`role.${role}`) });
  });
}
