import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { Statement } from "@/components/campaigns/statement";
import { PetitionPanel } from "@/components/petition/petition-panel";
import { IntegrityReport } from "@/components/campaigns/integrity-report";
import { CampaignStructuredData } from "@/components/campaigns/structured-data";
import { CountryCounts } from "@/components/petition/country-counts";
import { ShareBar } from "@/components/sharing/share-bar";
import { VoteRecord } from "@/components/votes/vote-record";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { alternates, localised, paths } from "@/lib/paths";
import { confirmedByCountry } from "@/lib/petition/counts";
import { publicCountryCounts } from "@/lib/petition/public-counts";
import { getIntegrityReport } from "@/lib/privacy/integrity";
import { campaignLink } from "@/lib/sharing/links";
import { campaignShareMetadata } from "@/lib/sharing/share-cards";
import { attributionFromSearch } from "@/lib/sharing/referral";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return {};
  // In the reader's language when the campaign has a translation (the same one the page shows).
  const shown = await localisedCampaign(campaign, locale);
  const path = paths.campaign(campaign.slug);
  return {
    title: shown.title,
    description: shown.summary,
    alternates: alternates(locale, path),
    ...(await campaignShareMetadata(locale, campaign, shown, { title: shown.title, path })),
  };
}

// Rendered whole on the server, without Suspense boundaries: streamed parts stay hidden without
// JavaScript, and an unknown slug must get a real 404 status (docs/decisions/005).
export default async function CampaignPage({ params, searchParams }: Props) {
  const { locale, slug } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const search = await searchParams;
  // The lookup moved to the votes page: links shared from before still answer (before any other query).
  if (typeof search.country === "string") redirect(`${localised(locale, paths.votes(campaign.slug, search.country))}#my-country`);
  const [integrity, byCountry, shown] = await Promise.all([getIntegrityReport(campaign.id), confirmedByCountry(campaign.id), localisedCampaign(campaign, locale)]);
  // The page is in the reader's language; the campaign's own words say which language they are in.
  return (
    <article className="container campaign-layout">
      <CampaignStructuredData campaign={shown} locale={locale} />
      <CampaignHeader campaign={shown} />
      <PetitionPanel campaign={campaign} attribution={attributionFromSearch(search)} />
      <div className="campaign-main">
        <Statement campaign={shown} />
        <ShareBar url={campaignLink(locale, campaign.slug)} title={shown.title} slug={campaign.slug} />
        <VoteRecord campaignId={campaign.id} slug={campaign.slug} />
        <CountryCounts counts={publicCountryCounts(byCountry)} />
        <IntegrityReport report={integrity} />
      </div>
    </article>
  );
}
