import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PetitionProgress } from "@/components/petition/petition-progress";
import { ShareBar } from "@/components/sharing/share-bar";
import { ShareQuestion } from "@/components/sharing/share-question";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { textDirectionOf } from "@/lib/i18n/locales";
import { publicTargets } from "@/lib/letters/queries";
import { paths, type ThanksResult } from "@/lib/paths";
import { getPetitionProgress } from "@/lib/petition/queries";
import { CONFIRM_TOKEN_DAYS } from "@/lib/petition/tokens";
import { campaignLink } from "@/lib/sharing/links";
import { attributionFromSearch } from "@/lib/sharing/referral";

// Per visitor (a token, a result, a session): rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

const RESULTS: ThanksResult[] = ["check-email", "confirmed", "withdrawn"];

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { robots: { index: false } };

export default async function ThanksPage({ params, searchParams }: Props) {
  const [{ locale, slug }, search] = await Promise.all([params, searchParams]);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const result = RESULTS.find((value) => value === search.result) ?? "check-email";
  // The signer's own code, put in this URL by the confirming action only: the page after signing is
  // the same for every address, so it carries nothing of a signature (docs/decisions/021).
  const referral = result === "confirmed" ? attributionFromSearch(search).referral : null;
  // First a question (will you share?), then what its answer chose (ask-actions.ts).
  const step = result === "withdrawn" ? null : search.step === "share" || search.step === "declined" ? search.step : "ask";
  const [t, progress, shown, targets] = await Promise.all([
    getTranslations("Petition.thanks"),
    getPetitionProgress(campaign),
    localisedCampaign(campaign, locale),
    publicTargets(campaign.id),
  ]);
  return (
    <div className="container narrow">
      <h1>{t(`title-${result}`)}</h1>
      <p className="lead">{t(`body-${result}`, { days: CONFIRM_TOKEN_DAYS })}</p>
      <p className="muted" lang={shown.shownLocale} dir={textDirectionOf(shown.shownLocale)}>
        {shown.title}
      </p>
      <PetitionProgress progress={progress} />
      {step === "ask" && <ShareQuestion slug={campaign.slug} result={result} referral={referral} canWrite={targets.length > 0} />}
      {step === "share" && <ShareBar url={campaignLink(locale, campaign.slug, { referral })} title={shown.title} slug={campaign.slug} personal={referral !== null} signed />}
      {step === "declined" && <p>{t("declined")}</p>}
      {step !== null && step !== "ask" && targets.length > 0 && (
        <p>
          <Link href={paths.write(campaign.slug)}>{t("writeLink")}</Link>
        </p>
      )}
      <p>
        <Link href={paths.campaign(campaign.slug)}>{t("back")}</Link>
      </p>
    </div>
  );
}
