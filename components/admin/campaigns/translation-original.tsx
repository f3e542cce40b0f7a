import { getLocale, getTranslations } from "next-intl/server";
import { isLocale, languageLabel, LOCALE_DIRECTIONS } from "@/lib/i18n/locales";

type Props = { campaign: { locale: string; title: string; summary: string; statement: string } };

/** The original text beside the translation form, for the translator to work from (collapsed). */
export async function TranslationOriginal({ campaign }: Props) {
  const [t, uiLocale] = await Promise.all([getTranslations("AdminTranslations.editPage"), getLocale()]);
  const text = { lang: campaign.locale, dir: isLocale(campaign.locale) ? LOCALE_DIRECTIONS[campaign.locale] : ("auto" as const) };
  return (
    <details>
      <summary>{t("original", { language: languageLabel(campaign.locale, uiLocale) })}</summary>
      <dl>
        <dt>{t("originalTitle")}</dt>
        <dd {...text}>{campaign.title}</dd>
        <dt>{t("originalSummary")}</dt>
        <dd {...text}>{campaign.summary}</dd>
      </dl>
      <div className="field">
        <label htmlFor="original-statement">{t("originalStatement")}</label>
        <textarea id="original-statement" rows={12} readOnly defaultValue={campaign.statement} {...text} />
      </div>
    </details>
  );
}
