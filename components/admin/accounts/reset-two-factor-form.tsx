"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { resetTwoFactorAction, type ResetTwoFactorState } from "@/lib/auth/two-factor/admin-actions";
import { initialFormState } from "@/lib/forms/state";

const initialState: ResetTwoFactorState = initialFormState();

/**
 * An admin turns another account's two-factor sign-in off (it lost its authenticator). A plain form.
 * Rendered for every other account, the button only where there is something to reset, so that the
 * notice stays in place after the reset re-renders the table.
 */
export function ResetTwoFactorForm({ id, email, canReset }: { id: number; email: string; canReset: boolean }) {
  const t = useTranslations("AdminTwoFactor");
  const [state, action] = useActionState(resetTwoFactorAction, initialState);
  const statusId = `account-${id}-two-factor-status`;
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {canReset && <SubmitButton variant="secondary" label={t("reset")} ariaLabel={t("resetLabel", { email })} pending={t("pending")} describedBy={statusId} />}
      <p id={statusId} className={state.formError ? "field-error" : "hint"} aria-live="polite">
        {state.formError ?? state.notice}
      </p>
    </form>
  );
}
