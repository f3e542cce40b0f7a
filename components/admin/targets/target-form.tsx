"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorSummary } from "@/components/admin/campaigns/form-parts";
import { describedBy, Field, fieldHints } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/forms/state";
import type { TargetFormState } from "@/lib/letters/actions";
import { TARGET_FIELDS, TARGET_LIMITS, type TargetField } from "@/lib/letters/schema";

type Props = {
  action: (state: TargetFormState, formData: FormData) => Promise<TargetFormState>;
  /** Unique on the page (a target's id, or "new"). */
  id: string;
  initialValues: Partial<Record<TargetField, string>>;
  /** The campaign's language, in which targets are named. */
  lang: string;
};

/** Adds or edits a target. A plain form posting a server action; what was typed comes back after a refusal. */
export function TargetForm({ action, id, initialValues, lang }: Props) {
  const t = useTranslations("AdminTargets.form");
  const [state, formAction] = useActionState(action, initialFormState(initialValues));
  const { fieldErrors: errors, values } = state;
  const hint = fieldHints(["name", "role", "email", "contactSource", "position"], (field) => t(`${field}Hint`));
  const idOf = (field: TargetField) => `target-${id}-${field}`;
  const common = (field: TargetField) => ({
    id: idOf(field),
    name: field,
    defaultValue: values[field],
    "aria-invalid": !!errors[field] || undefined,
    "aria-describedby": describedBy(idOf(field), { hint: !!hint(field), error: errors[field] }),
  });
  const summary = TARGET_FIELDS.filter((field) => errors[field]).map((field) => [idOf(field), errors[field]!] as [string, string]);
  return (
    <form action={formAction} className="sign-form" noValidate>
      <ErrorSummary id={`target-${id}-errors`} title={t("errorSummary")} message={state.formError} errors={summary} attempt={state.attempt} />
      <Field id={idOf("name")} label={t("name")} error={errors.name} hint={hint("name")}>
        <input type="text" maxLength={TARGET_LIMITS.name} required lang={lang} dir="auto" {...common("name")} />
      </Field>
      <Field id={idOf("role")} label={t("role")} error={errors.role} hint={hint("role")}>
        <textarea rows={2} maxLength={TARGET_LIMITS.role} required lang={lang} dir="auto" {...common("role")} />
      </Field>
      <Field id={idOf("email")} label={t("email")} error={errors.email} hint={hint("email")}>
        <input type="email" maxLength={TARGET_LIMITS.email} dir="ltr" autoComplete="off" {...common("email")} />
      </Field>
      <Field id={idOf("contactSource")} label={t("contactSource")} error={errors.contactSource} hint={hint("contactSource")}>
        <input type="text" maxLength={TARGET_LIMITS.contactSource} dir="auto" {...common("contactSource")} />
      </Field>
      <Field id={idOf("position")} label={t("position")} error={errors.position} hint={hint("position")}>
        <input type="number" min={0} max={1000} step={1} inputMode="numeric" required {...common("position")} />
      </Field>
      <SubmitButton variant="primary" label={t("save")} pending={t("pending")} />
    </form>
  );
}
