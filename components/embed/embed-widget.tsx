import { getLocale, getTranslations } from "next-intl/server";
import { PetitionProgress } from "@/components/petition/petition-progress";
import { SignForm } from "@/components/petition/sign-form";
import { signFormText } from "@/components/petition/sign-form-text";
import type { PublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { textDirectionOf } from "@/lib/i18n/locales";
import { countryOptions } from "@/lib/countries";
import { localised, paths } from "@/lib/paths";
import { signAction } from "@/lib/petition/actions";
import { isOpenForSignatures } from "@/lib/petition/campaign-state";
import { getPetitionProgress } from "@/lib/petition/queries";

/** The widget: the campaign's title (linking to its page, in a new tab), the count, the form. */
export async function EmbedWidget({ campaign }: { campaign: PublicCampaign }) {
  const [t, tForm, text, progress, locale] = await Promise.all([
    getTranslations("Embed"),
    getTranslations("Petition.form"),
    signFormText(campaign.organisation),
    getPetitionProgress(campaign),
    getLocale(),
  ]);
  // The widget is in the page's language; the title in the reader's when translated, and marked with
  // its own language either way.
  const shown = await localisedCampaign(campaign, locale);
  return (
    <article className="embed-widget" aria-labelledby="embed-title">
      <h1 id="embed-title" lang={shown.shownLocale} dir={textDirectionOf(shown.shownLocale)}>
        <a href={localised(locale, paths.campaign(campaign.slug))} target="_blank" rel="noopener">
          {shown.title}
        </a>
      </h1>
      <p className="small muted">{t("by", { organisation: campaign.organisation })}</p>
      <PetitionProgress progress={progress} />
      {isOpenForSignatures(campaign) ? (
        <SignForm
          action={signAction.bind(null, campaign.slug, "embed")}
          text={text}
          countries={countryOptions(locale)}
          linksInNewTab
        />
      ) : (
        <p className="notice">{tForm("closed")}</p>
      )}
    </article>
  );
}
