"use client";

import { useTranslations } from "next-intl";
import { ConfirmForm } from "@/components/admin/confirm-form";
import type { DeleteTranslationState } from "@/lib/campaigns/translations-actions";

type Props = {
  action: (state: DeleteTranslationState, formData: FormData) => Promise<DeleteTranslationState>;
  locale: string;
  /** The language's name, for the labels. */
  language: string;
};

/** Deletes one translation, once its "Yes, delete" box is ticked. */
export function TranslationDeleteForm({ action, locale, language }: Props) {
  const t = useTranslations("AdminTranslations.delete");
  return (
    <ConfirmForm
      action={action}
      id={`delete-translation-${locale}`}
      hidden={{ locale }}
      words={{ confirm: t("confirm", { language }), submit: t("submit"), submitLabel: t("submitLabel", { language }), pending: t("pending"), errorTitle: t("errorTitle") }}
    />
  );
}
