"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { createAccountAction, type NewAccountFormState } from "@/lib/accounts/actions";
import { ROLES } from "@/lib/accounts/roles";
import type { NewAccountField } from "@/lib/accounts/schema";
import { initialFormState } from "@/lib/forms/state";

const initialState: NewAccountFormState = initialFormState();
const FIELD_ORDER: NewAccountField[] = ["email", "name", "role", "password"];

/**
 * Creates a staff account: a plain form posting a server action, so it works without JavaScript.
 * The server echoes what was typed (never the password) and shows errors next to each field.
 */
export function NewAccountForm({ passwordMinLength }: { passwordMinLength: number }) {
  const t = useTranslations("AdminAccounts.create");
  const [state, formAction] = useActionState(createAccountAction, initialState);
  const summary = useRef<HTMLDivElement>(null);
  const { fieldErrors, values } = state;
  const errorId = (field: NewAccountField) => `new-account-${field}-error`;
  const describe = (field: NewAccountField, hint?: string) => [hint, fieldErrors[field] ? errorId(field) : undefined].filter(Boolean).join(" ") || undefined;

  useEffect(() => {
    if (state.attempt > 0 && state.formError) summary.current?.focus();
  }, [state.attempt, state.formError]);

  return (
    <form action={formAction} className="sign-form narrow" noValidate>
      <p role="status" className="hint" aria-live="polite">
        {state.notice}
      </p>
      {state.formError && (
        <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="new-account-summary-title">
          <h3 id="new-account-summary-title">{t("errorSummary")}</h3>
          <p>{state.formError}</p>
          {Object.keys(fieldErrors).length > 0 && (
            <ul>
              {FIELD_ORDER.filter((field) => fieldErrors[field]).map((field) => (
                <li key={field}>
                  <a href={`#new-account-${field}`}>{fieldErrors[field]}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <Field id="new-account-email" label={t("email")} error={fieldErrors.email}>
        <input id="new-account-email" name="email" type="email" autoComplete="off" defaultValue={values.email} maxLength={320} required aria-invalid={!!fieldErrors.email || undefined} aria-describedby={describe("email")} />
      </Field>
      <Field id="new-account-name" label={t("name")} error={fieldErrors.name}>
        <input id="new-account-name" name="name" type="text" autoComplete="off" defaultValue={values.name} maxLength={200} aria-invalid={!!fieldErrors.name || undefined} aria-describedby={describe("name")} />
      </Field>
      <Field id="new-account-role" label={t("role")} error={fieldErrors.role}>
        <select id="new-account-role" name="role" defaultValue={values.role ?? "MODERATOR"} aria-invalid={!!fieldErrors.role || undefined} aria-describedby={describe("role")}>
          {ROLES.map((role) => (
            <RoleOption key={role} role={role} />
          ))}
        </select>
      </Field>
      <Field id="new-account-password" label={t("password")} error={fieldErrors.password} hint={t("passwordHint", { min: passwordMinLength })}>
        <input id="new-account-password" name="password" type="password" autoComplete="new-password" minLength={passwordMinLength} required aria-invalid={!!fieldErrors.password || undefined} aria-describedby={describe("password", "new-account-password-hint")} />
      </Field>

      <SubmitButton label={t("submit")} pending={t("pending")} />
    </form>
  );
}

function RoleOption({ role }: { role: (typeof ROLES)[number] }) {
  const t = useTranslations("AdminAccounts.role");
  return <option value={role}>{t(role)}</option>;
}

