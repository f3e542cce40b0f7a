"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/admin/campaigns/form-parts";
import { SubmitButton } from "@/components/ui/submit-button";
import { describedBy, Field, fieldHints } from "@/components/ui/field";
import { ImportReportView } from "@/components/admin/campaigns/import-report";
import { initialFormState } from "@/lib/forms/state";
import type { ImportField, ImportFormState } from "@/lib/votes/actions";

type Props = { action: (state: ImportFormState, formData: FormData) => Promise<ImportFormState> };

const initialState: ImportFormState = { ...initialFormState(), csv: null, fileName: null, report: null };
const FIELD_ORDER: ImportField[] = ["key", "body", "meeting", "date", "documentSymbol", "yes", "no", "abstain", "notVoting", "namesComplete", "note", "sourceCovers", "sourceCitation", "sourceUrl", "file"];
// id, input type, maxLength, required
type Input = [ImportField, "text" | "number" | "date" | "url", number, boolean];
// Prefixed: the campaign form on the same page has fields of the same names (sourceUrl).
const idOf = (field: ImportField) => `vote-${field}`;
const STAGE: Input[] = [["key", "text", 60, true], ["body", "text", 200, true], ["meeting", "text", 200, false], ["date", "date", 10, true], ["documentSymbol", "text", 60, false]];
const TOTALS: Input[] = [["yes", "number", 6, true], ["no", "number", 6, true], ["abstain", "number", 6, true], ["notVoting", "number", 6, true]];
const SOURCE: Input[] = [["sourceCovers", "text", 300, true], ["sourceCitation", "text", 1000, true], ["sourceUrl", "url", 2000, false]];

/**
 * Imports one vote stage in two steps. "Check" sends the fields and the file and gets a report back;
 * nothing is saved. When the report is clean, "Save" appears; the checked file's text is kept in the
 * form's state, which React sends back with the next submission (in a hidden field without
 * JavaScript), so saving needs no second upload.
 */
export function ImportVotesForm({ action }: Props) {
  const t = useTranslations("AdminVotes.import");
  const [state, formAction] = useActionState(action, initialState);
  const report = useRef<HTMLHeadingElement>(null);
  const { fieldErrors: errors, values } = state;
  const readyToSave = !!state.report?.ok && !state.formError && Object.keys(errors).length === 0;
  const hint = fieldHints(["key", "body", "meeting", "documentSymbol", "namesComplete", "note", "sourceCovers", "sourceUrl", "file"], (field) => t(`${field}Hint`));
  const summaryErrors = FIELD_ORDER.filter((field) => errors[field]).map((field) => [idOf(field), errors[field]!] as [string, string]);

  // After a check without form errors, the report is what to read next.
  useEffect(() => {
    if (state.attempt > 0 && !state.formError) report.current?.focus();
  }, [state.attempt, state.formError]);

  const input = ([field, type, max, required]: Input) => (
    <Field key={field} id={idOf(field)} label={t(field)} error={errors[field]} hint={hint(field)}>
      <input
        id={idOf(field)}
        name={field}
        type={type}
        {...(type === "number" ? { min: 0, step: 1, inputMode: "numeric" as const } : { maxLength: max })}
        required={required}
        defaultValue={values[field as keyof typeof values]}
        aria-invalid={!!errors[field] || undefined}
        aria-describedby={describedBy(idOf(field), { hint: !!hint(field), error: errors[field] })}
      />
    </Field>
  );

  return (
    <form action={formAction} className="sign-form" noValidate>
      <ErrorSummary id="import-errors" title={t("errorSummary")} message={state.formError} errors={summaryErrors} attempt={state.attempt} />
      <fieldset>
        <legend>{t("stageLegend")}</legend>
        {STAGE.map(input)}
      </fieldset>
      <fieldset>
        <legend>{t("totalsLegend")}</legend>
        {TOTALS.map(input)}
        <div className="checkbox">
          <input id="vote-namesComplete" name="namesComplete" type="checkbox" defaultChecked={values.namesComplete === "on"} aria-describedby="vote-namesComplete-hint" />
          <label htmlFor="vote-namesComplete">{t("namesComplete")}</label>
        </div>
        <p id="vote-namesComplete-hint" className="hint">
          {t("namesCompleteHint")}
        </p>
        <Field id="vote-note" label={t("note")} error={errors.note} hint={hint("note")}>
          <textarea id="vote-note" name="note" rows={3} maxLength={5000} defaultValue={values.note} aria-invalid={!!errors.note || undefined} aria-describedby={describedBy("vote-note", { hint: true, error: errors.note })} />
        </Field>
      </fieldset>
      <fieldset>
        <legend>{t("sourceLegend")}</legend>
        {SOURCE.map(input)}
      </fieldset>
      <Field id="vote-file" label={t("file")} error={errors.file} hint={state.csv ? t("fileKept", { name: state.fileName ?? t("unnamedFile") }) : t("fileHint")}>
        <input id="vote-file" name="file" type="file" accept=".csv,text/csv" aria-invalid={!!errors.file || undefined} aria-describedby={describedBy("vote-file", { hint: true, error: errors.file })} />
      </Field>
      {state.report && <ImportReportView report={state.report} fileName={state.fileName} headingRef={report} />}
      {readyToSave && <p>{t("readyToSave")}</p>}
      <p>
        <SubmitButton name="intent" value="check" label={t("check")} pending={t("working")} variant={readyToSave ? "secondary" : undefined} />{" "}
        {readyToSave && <SubmitButton name="intent" value="save" label={t("save")} pending={t("working")} />}
      </p>
    </form>
  );
}
