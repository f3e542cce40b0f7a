"use client";

import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState, type FormState } from "@/lib/forms/state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** Unique on the page: the box's and the message's ids start with it. */
  id: string;
  /** Fields the action reads besides the box (which translation, say). */
  hidden?: Record<string, string>;
  /** `confirm`: the "Yes, delete" box's label; without it the form is its button alone. */
  words: { confirm?: string; submit: string; submitLabel?: string; pending: string; errorTitle: string };
  variant?: "primary" | "secondary";
};

/**
 * A form that is one decision: delete this, send that. The confirmation is a "Yes, …" box that must be
 * ticked (checked by the browser and again by the server), so it needs no JavaScript dialog; a refusal
 * is announced and focused.
 */
export function ConfirmForm({ action, id, hidden = {}, words, variant = "secondary" }: Props) {
  const [state, formAction] = useActionState(action, initialFormState());
  const error = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.attempt > 0) error.current?.focus();
  }, [state.attempt]);

  return (
    <form action={formAction}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError && (
        <p ref={error} id={`${id}-error`} className="field-error" role="alert" tabIndex={-1}>
          <span className="visually-hidden">{words.errorTitle}: </span>
          {state.formError}
        </p>
      )}
      {words.confirm && (
        <div className="checkbox">
          <input id={`${id}-confirm`} name="confirm" type="checkbox" value="yes" required aria-invalid={!!state.formError || undefined} aria-describedby={state.formError ? `${id}-error` : undefined} />
          <label htmlFor={`${id}-confirm`}>{words.confirm}</label>
        </div>
      )}
      <SubmitButton variant={variant} label={words.submit} ariaLabel={words.submitLabel} pending={words.pending} describedBy={state.formError ? `${id}-error` : undefined} />
    </form>
  );
}
