"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/admin/campaigns/form-parts";
import { describedBy, Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import { LOCALE_DIRECTIONS, type Locale } from "@/lib/i18n/locales";
import type { CampaignLetterFormState } from "@/lib/letters/actions";
import { LETTER_LIMITS } from "@/lib/letters/letter";

type Props = {
  action: (state: CampaignLetterFormState, formData: FormData) => Promise<CampaignLetterFormState>;
  locale: Locale;
  initialValues: { subject?: string; body?: string };
};

/** The suggested letter in one language: what signers read first, then edit, before sending. */
export function LetterTemplateForm({ action, locale, initialValues }: Props) {
  const t = useTranslations("AdminTargets.letter");
  const [state, formAction] = useActionState(action, initialFormState({ locale, ...initialValues }));
  const { fieldErrors: errors, values } = state;
  const id = `letter-${locale}`;
  const text = { lang: locale, dir: LOCALE_DIRECTIONS[locale] };
  const summary = (["subject", "body"] as const).filter((field) => errors[field]).map((field) => [`${id}-${field}`, errors[field]!] as [string, string]);
  return (
    <form action={formAction} className="sign-form" noValidate>
      <ErrorSummary id={`${id}-errors`} title={t("errorSummary")} message={state.formError} errors={summary} attempt={state.attempt} />
      <input type="hidden" name="locale" value={locale} />
      <Field id={`${id}-subject`} label={t("subject")} error={errors.subject}>
        <input
          id={`${id}-subject`}
          name="subject"
          type="text"
          maxLength={LETTER_LIMITS.subject}
          required
          defaultValue={values.subject}
          aria-invalid={!!errors.subject || undefined}
          aria-describedby={describedBy(`${id}-subject`, { error: errors.subject })}
          {...text}
        />
      </Field>
      <Field id={`${id}-body`} label={t("body")} error={errors.body} hint={t("bodyHint", { max: LETTER_LIMITS.body })}>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={14}
          maxLength={LETTER_LIMITS.body}
          required
          defaultValue={values.body}
          aria-invalid={!!errors.body || undefined}
          aria-describedby={describedBy(`${id}-body`, { hint: true, error: errors.body })}
          {...text}
        />
      </Field>
      <SubmitButton variant="primary" label={t("save")} pending={t("pending")} />
    </form>
  );
}
