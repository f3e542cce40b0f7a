"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/admin/campaigns/form-parts";
import { describedBy, Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";
import { LOCALE_DIRECTIONS, type Locale } from "@/lib/i18n/locales";

type Field = "locale" | "subject" | "body";

type Props = {
  action: (state: FormState<Field>, formData: FormData) => Promise<FormState<Field>>;
  /** Unique on the page: the fields' ids start with it. */
  id: string;
  /** The text's language (sent with it, and its fields' lang and direction). */
  locale: Locale;
  initialValues: { subject?: string; body?: string };
  limits: { subject: number; body: number };
  words: { errorSummary: string; subject: string; body: string; bodyHint: string; save: string; pending: string };
};

/**
 * A subject and a body in one language: the suggested letter, a campaign update. A plain form posting
 * a server action; what was typed comes back after a refusal.
 */
export function SubjectBodyForm({ action, id, locale, initialValues, limits, words }: Props) {
  const [state, formAction] = useActionState(action, initialFormState<Field>({ locale, ...initialValues }));
  const { fieldErrors: errors, values } = state;
  const text = { lang: locale, dir: LOCALE_DIRECTIONS[locale] };
  const summary = (["subject", "body"] as const).filter((field) => errors[field]).map((field) => [`${id}-${field}`, errors[field]!] as [string, string]);
  return (
    <form action={formAction} className="sign-form" noValidate>
      <ErrorSummary id={`${id}-errors`} title={words.errorSummary} message={state.formError} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="locale" value={locale} />
      <Field id={`${id}-subject`} label={words.subject} error={errors.subject}>
        <input
          id={`${id}-subject`}
          name="subject"
          type="text"
          maxLength={limits.subject}
          required
          defaultValue={values.subject}
          aria-invalid={!!errors.subject || undefined}
          aria-describedby={describedBy(`${id}-subject`, { error: errors.subject })}
          {...text}
        />
      </Field>
      <Field id={`${id}-body`} label={words.body} error={errors.body} hint={words.bodyHint}>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={10}
          maxLength={limits.body}
          required
          defaultValue={values.body}
          aria-invalid={!!errors.body || undefined}
          aria-describedby={describedBy(`${id}-body`, { hint: true, error: errors.body })}
          {...text}
        />
      </Field>
      <SubmitButton variant="primary" label={words.save} pending={words.pending} />
    </form>
  );
}
