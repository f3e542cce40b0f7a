"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { CountrySelect } from "@/components/petition/country-select";
import { Field } from "@/components/ui/field";
import { LocaleLink } from "@/components/ui/locale-link";
import { SubmitButton } from "@/components/ui/submit-button";
import { Honeypot } from "@/components/petition/honeypot";
import { ProofOfWork } from "@/components/petition/proof-of-work";
import type { CountryOption } from "@/lib/countries";
import { usePageLocale } from "@/components/ui/words";
import { initialFormState } from "@/lib/forms/state";
import { paths } from "@/lib/paths";
import type { SignFormText } from "@/components/petition/sign-form-text";
import type { SignFormState } from "@/lib/petition/actions";
import { COMMENT_MAX, NAME_MAX } from "@/lib/petition/fields";
import type { SignatureField } from "@/lib/petition/schema";

type Props = {
  action: (state: SignFormState, formData: FormData) => Promise<SignFormState>;
  /** The form's words, formatted on the server (signFormText). */
  text: SignFormText;
  countries: CountryOption[];
  /** In the embedded widget, the privacy link opens a new tab rather than leaving the form. */
  linksInNewTab?: boolean;
};

const initialState: SignFormState = initialFormState();
const FIELD_ORDER: SignatureField[] = ["fullName", "email", "country", "comment", "showName", "mayContact"];

/**
 * The signing form: a plain form posting a server action, so it works without JavaScript; with it,
 * errors appear without a reload, focus moves to the error summary, and the button shows progress.
 * The server echoes what was typed, so nothing is lost when a field is wrong. Two bot defences ride
 * along: a hidden field people leave empty, and (with JavaScript) an invisible proof of work.
 */
export function SignForm({ action, text, countries, linksInNewTab = false }: Props) {
  const [state, formAction] = useActionState(action, initialState);
  const locale = usePageLocale();
  const [waitingForProof, setWaitingForProof] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const { fieldErrors, values } = state;
  const errorId = (field: SignatureField) => (fieldErrors[field] ? `${field}-error` : undefined);
  const describe = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(" ") || undefined;

  useEffect(() => {
    if (state.attempt > 0) summary.current?.focus();
  }, [state.attempt]);

  return (
    <form action={formAction} className="sign-form" noValidate>
      {state.formError && (
        <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
          <h3 id="error-summary-title">{text.errorSummary}</h3>
          <p>{state.formError}</p>
          {Object.keys(fieldErrors).length > 0 && (
            <ul>
              {FIELD_ORDER.filter((field) => fieldErrors[field]).map((field) => (
                <li key={field}>
                  <a href={`#${field}`}>{fieldErrors[field]}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <Field id="fullName" label={text.fullName} error={fieldErrors.fullName}>
        <input id="fullName" name="fullName" type="text" autoComplete="name" defaultValue={values.fullName} maxLength={NAME_MAX} required aria-invalid={!!fieldErrors.fullName || undefined} aria-describedby={errorId("fullName")} />
      </Field>

      <Field id="email" label={text.email} error={fieldErrors.email} hint={text.emailHint}>
        <input id="email" name="email" type="email" autoComplete="email" inputMode="email" defaultValue={values.email} maxLength={254} required aria-invalid={!!fieldErrors.email || undefined} aria-describedby={describe("email-hint", errorId("email"))} />
      </Field>

      <Field id="country" label={text.country} error={fieldErrors.country}>
        <CountrySelect id="country" name="country" text={text} options={countries} defaultValue={values.country} invalid={!!fieldErrors.country} describedBy={errorId("country")} />
      </Field>

      <Field id="comment" label={text.comment} error={fieldErrors.comment} hint={text.commentHint}>
        <textarea id="comment" name="comment" rows={3} defaultValue={values.comment} maxLength={COMMENT_MAX} aria-invalid={!!fieldErrors.comment || undefined} aria-describedby={describe("comment-hint", errorId("comment"))} />
      </Field>

      <div className="checkbox">
        <input id="showName" name="showName" type="checkbox" defaultChecked={values.showName === "on"} />
        <label htmlFor="showName">{text.showName}</label>
      </div>
      <div className="checkbox">
        <input id="mayContact" name="mayContact" type="checkbox" defaultChecked={values.mayContact === "on"} />
        <label htmlFor="mayContact">{text.mayContact}</label>
      </div>

      <Honeypot label={text.honeypot} />
      <ProofOfWork onWaitingChange={setWaitingForProof} />

      <p className="small">
        <LocaleLink locale={locale} href={paths.privacy()} target={linksInNewTab ? "_blank" : undefined}>
          {text.privacy}
        </LocaleLink>
      </p>
      <SubmitButton variant="primary" label={text.submit} pending={text.pending} waiting={waitingForProof} />
    </form>
  );
}
