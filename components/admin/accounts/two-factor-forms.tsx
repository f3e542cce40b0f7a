"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { describedBy, Field } from "@/components/ui/field";
import { confirmTwoFactorAction, disableTwoFactorAction, startTwoFactorSetupAction, type TwoFactorFormState } from "@/lib/auth/two-factor/actions";
import { initialFormState } from "@/lib/forms/state";

const initialState: TwoFactorFormState = initialFormState();

// Plain forms posting server actions, so they work without JavaScript. The page re-renders with the
// new state after each one (the actions revalidate it).

function Notice({ state }: { state: TwoFactorFormState }) {
  return (
    <p role="status" className="hint" aria-live="polite">
      {state.notice}
    </p>
  );
}

export function StartTwoFactorForm({ restart }: { restart: boolean }) {
  const t = useTranslations("AdminTwoFactor");
  const [state, action] = useActionState(startTwoFactorSetupAction, initialState);
  return (
    <form action={action}>
      <Notice state={state} />
      {state.formError && <p className="field-error">{state.formError}</p>}
      <SubmitButton variant={restart ? "secondary" : "primary"} label={restart ? t("restart") : t("start")} pending={t("pending")} />
    </form>
  );
}

function CodeForm({ id, submit, action: serverAction }: { id: string; submit: string; action: typeof confirmTwoFactorAction }) {
  const t = useTranslations("AdminTwoFactor");
  const [state, action] = useActionState(serverAction, initialState);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.formError) input.current?.focus();
  }, [state.attempt, state.formError]);
  const error = state.formError ?? undefined;
  return (
    <form action={action} className="sign-form narrow">
      <Notice state={state} />
      <Field id={id} label={t("code")} error={error}>
        <input ref={input} id={id} name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} required aria-invalid={!!error || undefined} aria-describedby={describedBy(id, { error })} />
      </Field>
      <SubmitButton variant="primary" label={submit} pending={t("pending")} />
    </form>
  );
}

export function ConfirmTwoFactorForm() {
  const t = useTranslations("AdminTwoFactor");
  return <CodeForm id="two-factor-confirm-code" submit={t("confirm")} action={confirmTwoFactorAction} />;
}

export function DisableTwoFactorForm() {
  const t = useTranslations("AdminTwoFactor");
  return <CodeForm id="two-factor-disable-code" submit={t("disable")} action={disableTwoFactorAction} />;
}
