import { Link } from "@/components/ui/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { TranslationDeleteForm } from "@/components/admin/campaigns/translation-delete-form";
import { TranslationForm } from "@/components/admin/campaigns/translation-form";
import { TranslationMessages } from "@/components/admin/campaigns/translation-messages";
import { deleteTranslationAction, saveTranslationAction } from "@/lib/campaigns/translations-actions";
import { TRANSLATION_NOTICES, TRANSLATIONS_ANCHOR, translationPaths, type TranslationNotice } from "@/lib/campaigns/translations-paths";
import { listTranslations } from "@/lib/campaigns/translations-queries";
import { isLocale, languageLabel, LOCALE_DIRECTIONS, LOCALES } from "@/lib/i18n/locales";

type Props = {
  campaign: { id: number; locale: string };
  /** The edit page's `notice` search parameter: a translation notice is shown here, others are not ours. */
  notice?: string | string[];
};

const NOTICE_KEYS: Record<TranslationNotice, "saved" | "unchanged" | "deleted"> = {
  "translation-saved": "saved",
  "translation-unchanged": "unchanged",
  "translation-deleted": "deleted",
};

/** The campaign edit page's "Translations": the existing ones (edit, delete) and a form to add one. */
export async function TranslationsSection({ campaign, notice }: Props) {
  const [t, format, uiLocale, translations] = await Promise.all([getTranslations("AdminTranslations"), getFormatter(), getLocale(), listTranslations(campaign.id)]);
  const label = (locale: string) => languageLabel(locale, uiLocale);
  const shown = TRANSLATION_NOTICES.find((value) => value === notice);
  const missing = LOCALES.filter((locale) => locale !== campaign.locale && !translations.some((translation) => translation.locale === locale));

  return (
    <section aria-labelledby={TRANSLATIONS_ANCHOR}>
      <h2 id={TRANSLATIONS_ANCHOR}>{t("heading")}</h2>
      {shown && (
        <p className="notice" role="status">
          {t(`notice.${NOTICE_KEYS[shown]}`)}
        </p>
      )}
      <p>
        {t("intro")} {t("original", { language: label(campaign.locale) })}
      </p>
      <TranslationMessages>
        {translations.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.language")}</th>
                  <th scope="col">{t("columns.title")}</th>
                  <th scope="col">{t("columns.updated")}</th>
                  <th scope="col">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {translations.map((translation) => (
                  <tr key={translation.locale}>
                    <td>{label(translation.locale)}</td>
                    <td lang={translation.locale} dir={isLocale(translation.locale) ? LOCALE_DIRECTIONS[translation.locale] : "auto"}>
                      {translation.title}
                    </td>
                    <td>{format.dateTime(translation.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>
                      <p>
                        <Link href={translationPaths.edit(campaign.id, translation.locale)} aria-label={t("editLabel", { language: label(translation.locale) })}>
                          {t("edit")}
                        </Link>
                      </p>
                      <TranslationDeleteForm action={deleteTranslationAction.bind(null, campaign.id)} locale={translation.locale} language={label(translation.locale)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t("add.heading")}</h3>
        {missing.length === 0 ? (
          <p>{t("add.allDone")}</p>
        ) : (
          <TranslationForm
            // A new form after each save: the one just added has left the list of languages.
            key={translations.map((translation) => translation.locale).join(",")}
            action={saveTranslationAction.bind(null, campaign.id)}
            initialValues={{ locale: missing[0] }}
            languages={missing.map((locale) => [locale, label(locale)])}
          />
        )}
      </TranslationMessages>
    </section>
  );
}
