"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/admin/campaigns/form-parts";
import { SubmitButton } from "@/components/ui/submit-button";
import { describedBy, Field, fieldHints } from "@/components/ui/field";
import type { CampaignFormState } from "@/lib/campaigns/actions";
import { CAMPAIGN_FIELDS, CAMPAIGN_STATUSES, STATEMENT_MAX, type CampaignField, type CampaignFormValues } from "@/lib/campaigns/fields";
import { initialFormState } from "@/lib/forms/state";

type Props = {
  action: (state: CampaignFormState, formData: FormData) => Promise<CampaignFormState>;
  initialValues: CampaignFormValues;
  submitLabel: string;
};

// Plain text inputs: id, maxLength (the column's), whether a hint is shown.
const TEXT_FIELDS: [CampaignField, number, boolean][] = [
  ["title", 200, false],
  ["slug", 80, true],
  ["organisation", 200, false],
  ["statementDate", 10, true],
  ["sourceName", 300, false],
  ["sourceUrl", 2000, true],
];

/**
 * Creates or edits a campaign. A plain form posting a server action, so it works without JavaScript;
 * the server echoes what was typed, so nothing is lost when a field is wrong.
 */
export function CampaignForm({ action, initialValues, submitLabel }: Props) {
  const t = useTranslations("AdminCampaigns.form");
  const tStatus = useTranslations("AdminCampaigns.status");
  const [state, formAction] = useActionState(action, initialFormState(initialValues));
  const { fieldErrors: errors, values } = state;
  const hint = fieldHints(["slug", "summary", "statementDate", "statement", "sourceUrl", "goal", "deadline", "status"], (field) => t(`${field}Hint`));
  const describe = (field: CampaignField) => describedBy(field, { hint: hint(field) !== undefined, error: errors[field] });
  const common = (field: CampaignField) => ({ id: field, name: field, defaultValue: values[field], "aria-invalid": !!errors[field] || undefined, "aria-describedby": describe(field) });
  const summaryErrors = CAMPAIGN_FIELDS.filter((field) => errors[field]).map((field) => [field, errors[field]!] as [string, string]);
  const textField = ([field, max]: [CampaignField, number, boolean]) => (
    <Field key={field} id={field} label={t(field)} error={errors[field]} hint={hint(field)}>
      <input type={field === "sourceUrl" ? "url" : "text"} maxLength={max} required={field !== "sourceUrl"} {...common(field)} />
    </Field>
  );

  return (
    <form action={formAction} className="sign-form" noValidate>
      <ErrorSummary id="campaign-errors" title={t("errorSummary")} message={state.formError} errors={summaryErrors} attempt={state.attempt} />
      {TEXT_FIELDS.slice(0, 2).map(textField)}
      <Field id="summary" label={t("summary")} error={errors.summary} hint={hint("summary")}>
        <textarea rows={3} maxLength={500} required {...common("summary")} />
      </Field>
      {TEXT_FIELDS.slice(2, 4).map(textField)}
      <Field id="statement" label={t("statement")} error={errors.statement} hint={hint("statement")}>
        <textarea rows={18} maxLength={STATEMENT_MAX} required {...common("statement")} />
      </Field>
      {TEXT_FIELDS.slice(4).map(textField)}
      <Field id="goal" label={t("goal")} error={errors.goal} hint={hint("goal")}>
        <input type="number" min={1} step={1} inputMode="numeric" required {...common("goal")} />
      </Field>
      <Field id="deadline" label={t("deadline")} error={errors.deadline} hint={hint("deadline")}>
        <input type="datetime-local" {...common("deadline")} />
      </Field>
      <Field id="status" label={t("status")} error={errors.status} hint={hint("status")}>
        <select {...common("status")} defaultValue={values.status ?? "DRAFT"}>
          {CAMPAIGN_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </Field>
      <SubmitButton label={submitLabel} pending={t("pending")} />
    </form>
  );
}
