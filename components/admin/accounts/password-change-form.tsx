"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { describedBy, Field } from "@/components/ui/field";
import { changePasswordAction, type PasswordChangeState } from "@/lib/accounts/password-actions";
import type { PasswordChangeField } from "@/lib/accounts/schema";
import { initialFormState } from "@/lib/forms/state";

const initialState: PasswordChangeState = initialFormState();
const FIELDS: { field: PasswordChangeField; id: string; autoComplete: string; hint: boolean }[] = [
  { field: "currentPassword", id: "password-current", autoComplete: "current-password", hint: false },
  { field: "newPassword", id: "password-new", autoComplete: "new-password", hint: true },
  { field: "confirmPassword", id: "password-confirm", autoComplete: "new-password", hint: false },
];

/**
 * Changes the signed-in staff member's password: a plain form posting a server action, so it works
 * without JavaScript. On success the server ends every session and sends them to sign in again; on
 * failure the errors show next to each field and in a summary that takes the focus. Nothing typed is
 * sent back.
 */
export function PasswordChangeForm({ minLength }: { minLength: number }) {
  const t = useTranslations("AdminPassword");
  const [state, formAction] = useActionState(changePasswordAction, initialState);
  const summary = useRef<HTMLDivElement>(null);
  const { fieldErrors } = state;
  const labels: Record<PasswordChangeField, string> = { currentPassword: t("current"), newPassword: t("new"), confirmPassword: t("confirm") };

  useEffect(() => {
    if (state.attempt > 0 && state.formError) summary.current?.focus();
  }, [state.attempt, state.formError]);

  return (
    <form action={formAction} className="sign-form narrow" noValidate>
      {state.formError && (
        <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="password-summary-title">
          <h3 id="password-summary-title">{t("errorSummary")}</h3>
          <p>{state.formError}</p>
          {Object.keys(fieldErrors).length > 0 && (
            <ul>
              {FIELDS.filter(({ field }) => fieldErrors[field]).map(({ field, id }) => (
                <li key={field}>
                  <a href={`#${id}`}>{fieldErrors[field]}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {FIELDS.map(({ field, id, autoComplete, hint }) => {
        const error = fieldErrors[field];
        return (
          <Field key={field} id={id} label={labels[field]} error={error} hint={hint ? t("newHint", { min: minLength }) : undefined}>
            <input
              id={id}
              name={field}
              type="password"
              autoComplete={autoComplete}
              required
              minLength={field === "currentPassword" ? undefined : minLength}
              maxLength={1000}
              aria-invalid={!!error || undefined}
              aria-describedby={describedBy(id, { hint, error })}
            />
          </Field>
        );
      })}
      <SubmitButton variant="primary" label={t("submit")} pending={t("pending")} />
    </form>
  );
}
