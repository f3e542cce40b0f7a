"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { initialFormState } from "@/lib/forms/state";
import { bulkModerationAction, type ModerationState } from "@/lib/moderation/actions";
import type { SignatureFilter } from "@/lib/moderation/filter";
import { MODERATION_ACTION_NAMES } from "@/lib/moderation/names";

const initial: ModerationState = { ...initialFormState(), preview: null };

function FilterFields({ filter }: { filter: SignatureFilter }) {
  return (
    <>
      {Object.entries(filter).map(([key, value]) => (value === undefined ? null : <input key={key} type="hidden" name={key} value={String(value)} />))}
    </>
  );
}

/**
 * Bulk moderation of the ticked rows or of everything matching the filter. Step one shows how many
 * signatures would change; only the confirmation applies it (with that count, checked again).
 */
export function BulkModeration({ filter, canDelete }: { filter: SignatureFilter; canDelete: boolean }) {
  const t = useTranslations("AdminModeration");
  const [state, action, pending] = useActionState(bulkModerationAction, initial);
  const actions = MODERATION_ACTION_NAMES.filter((name) => canDelete || name !== "delete");
  // Focus follows the answer (the preview, then the result or the error): the button pressed is
  // disabled while the action runs or is gone afterwards, and the next Tab should reach what follows.
  const previewRef = useRef<HTMLParagraphElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.preview) previewRef.current?.focus();
    else if (state.formError || state.notice) messageRef.current?.focus();
  }, [state]);
  return (
    <section aria-labelledby="bulk-heading" className="card">
      <h2 id="bulk-heading">{t("bulkHeading")}</h2>
      <form id="bulk-form" action={action} className="filters">
        <FilterFields filter={filter} />
        <fieldset>
          <legend>{t("scope")}</legend>
          <label>
            <input type="radio" name="scope" value="selected" defaultChecked /> {t("scopeSelected")}
          </label>{" "}
          <label>
            <input type="radio" name="scope" value="filter" /> {t("scopeFilter")}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="bulk-action">{t("actionLabel")}</label>
          <select id="bulk-action" name="action" defaultValue="reject">
            {actions.map((name) => (
              <option key={name} value={name}>
                {t(`action.${name}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bulk-reason">{t("reason")}</label>
          <input id="bulk-reason" name="reason" maxLength={500} />
        </div>
        <button type="submit" name="step" value="preview" className="button" disabled={pending}>
          {pending ? t("working") : t("preview")}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {(state.formError || state.notice) && (
          <p ref={messageRef} className={state.formError ? "field-error" : "notice"} tabIndex={-1}>
            {state.formError ?? state.notice}
          </p>
        )}
      </div>
      {state.preview && (
        <form action={action} className="preview">
          <p ref={previewRef} tabIndex={-1}>
            <strong>{t("previewCount", { count: state.preview.count, action: t(`action.${state.preview.action}`) })}</strong>
          </p>
          <FilterFields filter={filter} />
          <input type="hidden" name="scope" value={state.preview.scope} />
          {state.preview.ids.map((id) => (
            <input key={id} type="hidden" name="ids" value={id} />
          ))}
          <input type="hidden" name="action" value={state.preview.action} />
          <input type="hidden" name="reason" value={state.preview.reason ?? ""} />
          <input type="hidden" name="expectedCount" value={state.preview.count} />
          {state.preview.count > 0 && (
            <button type="submit" name="step" value="apply" className="button" disabled={pending}>
              {t("apply", { count: state.preview.count })}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
