"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeAccountRoleAction, setAccountEnabledAction, type AccountChangeState } from "@/lib/accounts/actions";
import { ROLES } from "@/lib/accounts/roles";
import { initialFormState } from "@/lib/forms/state";

const initialState: AccountChangeState = initialFormState();

/**
 * Disable / re-enable and role change for one account: two plain forms, so they work without
 * JavaScript. The server decides whether a change is allowed (the last enabled admin stays).
 */
export function AccountRowActions({ id, email, role, enabled }: { id: number; email: string; role: (typeof ROLES)[number]; enabled: boolean }) {
  const t = useTranslations("AdminAccounts");
  const [enabledState, enabledAction] = useActionState(setAccountEnabledAction, initialState);
  const [roleState, roleAction] = useActionState(changeAccountRoleAction, initialState);
  const statusId = `account-${id}-status`;
  const roleStatusId = `account-${id}-role-status`;

  return (
    <div className="account-actions">
      <form action={enabledAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
        <SubmitButton
          variant="secondary"
          label={enabled ? t("actions.disable") : t("actions.enable")}
          ariaLabel={enabled ? t("actions.disableLabel", { email }) : t("actions.enableLabel", { email })}
          pending={t("actions.pending")}
          describedBy={statusId}
        />
        <Message id={statusId} state={enabledState} />
      </form>
      <form action={roleAction} className="account-role">
        <input type="hidden" name="id" value={id} />
        <label htmlFor={`account-${id}-role`} className="visually-hidden">
          {t("actions.roleLabel", { email })}
        </label>
        <select id={`account-${id}-role`} name="role" defaultValue={role} aria-describedby={roleStatusId}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`role.${value}`)}
            </option>
          ))}
        </select>
        <SubmitButton variant="secondary" label={t("actions.changeRole")} ariaLabel={t("actions.changeRoleLabel", { email })} pending={t("actions.pending")} />
        <Message id={roleStatusId} state={roleState} />
      </form>
    </div>
  );
}

function Message({ id, state }: { id: string; state: AccountChangeState }) {
  return (
    <p id={id} className={state.formError ? "field-error" : "hint"} aria-live="polite">
      {state.formError ?? state.notice}
    </p>
  );
}
