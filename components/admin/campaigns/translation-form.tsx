"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/admin/campaigns/form-parts";
import { SubmitButton } from "@/components/ui/submit-button";
import { describedBy, Field, fieldHints } from "@/components/ui/field";
import type { TranslationFormState } from "@/lib/campaigns/translations-actions";
import { TRANSLATION_FIELDS, TRANSLATION_LIMITS, type TranslationField, type TranslationFormValues } from "@/lib/campaigns/fields";
import { initialFormState } from "@/lib/forms/state";
import { isLocale, LOCALE_DIRECTIONS } from "@/lib/i18n/locales";

type Props = {
  action: (state: TranslationFormState, formData: FormData) => Promise<TranslationFormState>;
  initialValues: TranslationFormValues;
  /** The languages offered, as [locale, label]; with `fixedLocale`, the form edits that one only. */
  languages: [locale: string, label: string][];
  fixedLocale?: string;
};

// Prefixed: the campaign form on the same page has fields of the same names.
const idOf = (field: TranslationField) => `translation-${field}`;

/**
 * Adds or edits a campaign's translation. A plain form posting a server action, so it works without
 * JavaScript; the server echoes what was typed, so nothing is lost when a field is wrong.
 */
export function TranslationForm({ action, initialValues, languages, fixedLocale }: Props) {
  const t = useTranslations("AdminTranslations.form");
  const [state, formAction] = useActionState(action, initialFormState(initialValues));
  const { fieldErrors: errors, values } = state;
  const hint = fieldHints(["locale", "summary", "statement"], (field) => t(`${field}Hint`));
  const common = (field: TranslationField) => ({
    id: idOf(field),
    name: field,
    defaultValue: values[field],
    "aria-invalid": !!errors[field] || undefined,
    "aria-describedby": describedBy(idOf(field), { hint: !!hint(field), error: errors[field] }),
  });
  // The text is in the translation's language: known when it is fixed, guessed from the text when chosen.
  const text = fixedLocale && isLocale(fixedLocale) ? { lang: fixedLocale, dir: LOCALE_DIRECTIONS[fixedLocale] } : { dir: "auto" as const };
  const summaryErrors = TRANSLATION_FIELDS.filter((field) => errors[field]).map((field) => [idOf(field), errors[field]!] as [string, string]);

  return (
    <form action={formAction} className="sign-form" noValidate>
      <ErrorSummary id="translation-errors" title={t("errorSummary")} message={state.formError} errors={summaryErrors} attempt={state.attempt} />
      {fixedLocale ? (
        <input type="hidden" name="locale" value={fixedLocale} />
      ) : (
        <Field id={idOf("locale")} label={t("locale")} error={errors.locale} hint={hint("locale")}>
          <select {...common("locale")} defaultValue={values.locale ?? languages[0]?.[0]} required>
            {languages.map(([locale, label]) => (
              <option key={locale} value={locale}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id={idOf("title")} label={t("title")} error={errors.title} hint={hint("title")}>
        <input type="text" maxLength={TRANSLATION_LIMITS.title} required {...text} {...common("title")} />
      </Field>
      <Field id={idOf("summary")} label={t("summary")} error={errors.summary} hint={hint("summary")}>
        <textarea rows={3} maxLength={TRANSLATION_LIMITS.summary} required {...text} {...common("summary")} />
      </Field>
      <Field id={idOf("statement")} label={t("statement")} error={errors.statement} hint={hint("statement")}>
        <textarea rows={18} maxLength={TRANSLATION_LIMITS.statement} required {...text} {...common("statement")} />
      </Field>
      <SubmitButton label={t("save")} pending={t("pending")} />
    </form>
  );
}
