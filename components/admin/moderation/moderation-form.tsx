"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/forms/state";
import { moderateSignatureAction, type ModerationState } from "@/lib/moderation/actions";
import type { ModerationActionName } from "@/lib/moderation/names";

const initial: ModerationState = { ...initialFormState(), preview: null };

/** Moderation of one signature: the buttons offered are those its current status allows. */
export function ModerationForm({ id, actions }: { id: number; actions: ModerationActionName[] }) {
  const t = useTranslations("AdminModeration");
  const [state, action, pending] = useActionState(moderateSignatureAction, initial);
  // The button pressed is disabled while the action runs (and may be gone after it): focus moves to
  // the answer instead of being lost.
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.formError || state.notice) messageRef.current?.focus();
  }, [state]);
  return (
    <form action={action} className="card">
      <h2>{t("singleHeading")}</h2>
      <input type="hidden" name="id" value={id} />
      <div className="field">
        <label htmlFor="mod-reason">{t("reason")}</label>
        <input id="mod-reason" name="reason" maxLength={500} aria-describedby="mod-reason-hint" />
        <p id="mod-reason-hint" className="hint">
          {t("reasonHint")}
        </p>
      </div>
      <div className="actions">
        {actions.map((name) => (
          <button key={name} type="submit" name="action" value={name} className="button button-secondary" disabled={pending}>
            {t(`action.${name}`)}
          </button>
        ))}
      </div>
      <div role="status" aria-live="polite">
        {(state.formError || state.notice) && (
          <p ref={messageRef} className={state.formError ? "field-error" : "notice"} tabIndex={-1}>
            {state.formError ?? state.notice}
          </p>
        )}
      </div>
    </form>
  );
}
