import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PetitionProgress } from "@/components/petition/petition-progress";
import { ShareBar } from "@/components/sharing/share-bar";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { textDirectionOf } from "@/lib/i18n/locales";
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
  const [t, progress, shown] = await Promise.all([getTranslations("Petition.thanks"), getPetitionProgress(campaign), localisedCampaign(campaign, locale)]);
  return (
    <div className="container narrow">
      <h1>{t(`title-${result}`)}</h1>
      <p className="lead">{t(`body-${result}`, { days: CONFIRM_TOKEN_DAYS })}</p>
      <p className="muted" lang={shown.shownLocale} dir={textDirectionOf(shown.shownLocale)}>
        {shown.title}
      </p>
      <PetitionProgress progress={progress} />
      {result !== "withdrawn" && <ShareBar url={campaignLink(locale, campaign.slug, { referral })} title={shown.title} slug={campaign.slug} personal={referral !== null} signed />}
      <p>
        <Link href={paths.campaign(campaign.slug)}>{t("back")}</Link>
      </p>
    </div>
  );
}
