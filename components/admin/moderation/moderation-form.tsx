"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { moderateSignatureAction, type ModerationState } from "@/lib/moderation/actions";
import type { ModerationActionName } from "@/lib/moderation/names";

const initial: ModerationState = { error: null, preview: null, done: null };

/** Moderation of one signature: the buttons offered are those its current status allows. */
export function ModerationForm({ id, actions }: { id: number; actions: ModerationActionName[] }) {
  const t = useTranslations("AdminModeration");
  const [state, action, pending] = useActionState(moderateSignatureAction, initial);
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
        {state.error && <p className="field-error">{state.error}</p>}
        {state.done && <p className="notice">{state.done}</p>}
      </div>
    </form>
  );
}
