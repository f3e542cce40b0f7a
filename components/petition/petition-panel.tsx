import { getLocale, getTranslations } from "next-intl/server";
import { PetitionProgress } from "@/components/petition/petition-progress";
import { RecentSigners } from "@/components/petition/recent-signers";
import { SignForm } from "@/components/petition/sign-form";
import { signFormText } from "@/components/petition/sign-form-text";
import type { PublicCampaign } from "@/lib/campaigns/queries";
import { countryOptions } from "@/lib/countries";
import { signAction } from "@/lib/petition/actions";
import { isOpenForSignatures } from "@/lib/petition/campaign-state";
import { getPetitionProgress, getRecentSigners } from "@/lib/petition/queries";

/** The petition beside the campaign: the count, the form (or why it is closed), recent signers. */
export async function PetitionPanel({ campaign }: { campaign: PublicCampaign }) {
  const [t, text, progress, recent] = await Promise.all([getTranslations("Petition.form"), signFormText(campaign.organisation), getPetitionProgress(campaign), getRecentSigners(campaign.id)]);
  const locale = await getLocale();
  const open = isOpenForSignatures(campaign);
  return (
    <aside id="sign" className="petition card" aria-labelledby="sign-heading">
      <h2 id="sign-heading">{t("heading")}</h2>
      <PetitionProgress progress={progress} />
      {open ? (
        <>
          <p className="small">{t("intro")}</p>
          <SignForm
            action={signAction.bind(null, campaign.slug, "page")}
            text={text}
            countries={countryOptions(locale)}
          />
        </>
      ) : (
        <p className="notice">{t("closed")}</p>
      )}
      <RecentSigners signers={recent} />
    </aside>
  );
}
