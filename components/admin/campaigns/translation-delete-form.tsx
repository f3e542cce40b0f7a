"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import type { DeleteTranslationState } from "@/lib/campaigns/translations-actions";
import { initialFormState } from "@/lib/forms/state";

type Props = {
  action: (state: DeleteTranslationState, formData: FormData) => Promise<DeleteTranslationState>;
  locale: string;
  /** The language's name, for the labels. */
  language: string;
};

/**
 * Deletes one translation. The confirmation is a "Yes, delete" box that must be ticked (checked by the
 * browser and again by the server), so it needs no JavaScript dialog; a refusal is announced and focused.
 */
export function TranslationDeleteForm({ action, locale, language }: Props) {
  const t = useTranslations("AdminTranslations.delete");
  const [state, formAction] = useActionState(action, initialFormState());
  const error = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.attempt > 0) error.current?.focus();
  }, [state.attempt]);
  const id = `delete-translation-${locale}`;

  return (
    <form action={formAction}>
      <input type="hidden" name="locale" value={locale} />
      {state.formError && (
        <p ref={error} id={`${id}-error`} className="field-error" role="alert" tabIndex={-1}>
          <span className="visually-hidden">{t("errorTitle")}: </span>
          {state.formError}
        </p>
      )}
      <div className="checkbox">
        <input id={`${id}-confirm`} name="confirm" type="checkbox" value="yes" required aria-invalid={!!state.formError || undefined} aria-describedby={state.formError ? `${id}-error` : undefined} />
        <label htmlFor={`${id}-confirm`}>{t("confirm", { language })}</label>
      </div>
      <SubmitButton variant="secondary" label={t("submit")} ariaLabel={t("submitLabel", { language })} pending={t("pending")} />
    </form>
  );
}
