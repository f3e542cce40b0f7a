import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { TranslationForm } from "@/components/admin/campaigns/translation-form";
import { TranslationMessages } from "@/components/admin/campaigns/translation-messages";
import { TranslationOriginal } from "@/components/admin/campaigns/translation-original";
import { requireAdmin } from "@/lib/auth/session";
import { saveTranslationAction } from "@/lib/campaigns/translations-actions";
import { translationPaths } from "@/lib/campaigns/translations-paths";
import { getTranslationForAdmin } from "@/lib/campaigns/translations-queries";
import { isLocale, languageLabel } from "@/lib/i18n/locales";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

// The segment is [lang], not [locale]: the site's own locale segment may one day sit above the admin.
type Props = { params: Promise<{ id: string; lang: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminTranslations.editPage");
  return { title: t("metaTitle") };
}

/** Edits a campaign's translation into one language (or adds it, when there is none yet). */
export default async function EditTranslationPage({ params }: Props) {
  await requireAdmin();
  const { id: rawId, lang } = await params;
  const id = Number(rawId);
  const found = Number.isSafeInteger(id) && id > 0 && isLocale(lang) ? await getTranslationForAdmin(id, lang) : null;
  // The original's own language has no translation: its text is edited in the campaign form.
  if (!found || found.campaign.locale === lang) notFound();
  const { campaign, translation } = found;
  const [t, uiLocale] = await Promise.all([getTranslations("AdminTranslations"), getLocale()]);
  const language = languageLabel(lang, uiLocale);
  const values = translation ? { locale: lang, title: translation.title, summary: translation.summary, statement: translation.statement } : { locale: lang };
  return (
    <div className="narrow">
      <p>
        <Link href={translationPaths.section(campaign.id)}>{t("editPage.back")}</Link>
      </p>
      <h1>{t("editPage.title", { language, title: campaign.title })}</h1>
      {!translation && <p>{t("editPage.new", { language })}</p>}
      <TranslationOriginal campaign={campaign} />
      <TranslationMessages>
        <TranslationForm key={translation?.updatedAt.toISOString() ?? "new"} action={saveTranslationAction.bind(null, campaign.id)} initialValues={values} languages={[[lang, language]]} fixedLocale={lang} />
      </TranslationMessages>
    </div>
  );
}
