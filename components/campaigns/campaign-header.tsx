import { getLocale, getTranslations } from "next-intl/server";
import type { PublicCampaign } from "@/lib/campaigns/queries";
import { languageName, textDirectionOf } from "@/lib/i18n/locales";

type Shown = { shownLocale?: string; translated?: boolean; originalLocale?: string };

/**
 * The campaign's title and summary, marked with the language they are in (a screen reader switches
 * voice; Urdu gets its font and direction), and a note when they are a translation or, for want of
 * one, the original in another language than the page's.
 */
export async function CampaignHeader({ campaign }: { campaign: PublicCampaign & Shown }) {
  const [t, locale] = await Promise.all([getTranslations("Campaign"), getLocale()]);
  const textLocale = campaign.shownLocale ?? campaign.locale;
  const original = languageName(campaign.originalLocale ?? campaign.locale, locale);
  return (
    <header className="campaign-header">
      <h1 lang={textLocale} dir={textDirectionOf(textLocale)}>
        {campaign.title}
      </h1>
      <p className="lead" lang={textLocale} dir={textDirectionOf(textLocale)}>
        {campaign.summary}
      </p>
      {campaign.translated && <p className="muted small">{t("translationShown", { language: original })}</p>}
      {!campaign.translated && textLocale !== locale && <p className="notice">{t("translationMissing", { language: original })}</p>}
      {campaign.status === "CLOSED" && <p className="notice">{t("closed")}</p>}
    </header>
  );
}
