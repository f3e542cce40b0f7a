import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { Statement } from "@/components/campaigns/statement";
import { PetitionPanel } from "@/components/petition/petition-panel";
import { IntegrityReport } from "@/components/campaigns/integrity-report";
import { CampaignStructuredData } from "@/components/campaigns/structured-data";
import { CountOverTime } from "@/components/petition/count-over-time";
import { CountryCounts } from "@/components/petition/country-counts";
import { WriteInvitation } from "@/components/letters/write-invitation";
import { ShareBar } from "@/components/sharing/share-bar";
import { VoteRecord } from "@/components/votes/vote-record";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { alternates, paths } from "@/lib/paths";
import { confirmedByCountry, countsOverTime } from "@/lib/petition/counts";
import { publicCountryCounts } from "@/lib/petition/public-counts";
import { getIntegrityReport } from "@/lib/privacy/integrity";
import { publicTargets } from "@/lib/letters/queries";
import { campaignLink } from "@/lib/sharing/links";
import { campaignShareMetadata } from "@/lib/sharing/share-cards";

type Props = { params: Promise<{ locale: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { slug }] = await Promise.all([pageLocale(params), params]);
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

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

// Rendered whole on the server, without Suspense boundaries: streamed parts stay hidden without
// JavaScript, and an unknown slug must get a real 404 status (docs/decisions/005).
// The same page for every reader: a referral (?ref=) is read from the signing post's address (proxy.ts),
// and ?country= (the lookup's old home) is redirected to the votes page by proxy.ts.
export default async function CampaignPage({ params }: Props) {
  const [locale, { slug }] = await Promise.all([pageLocale(params), params]);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const [integrity, byCountry, days, shown, targets] = await Promise.all([
    getIntegrityReport(campaign.id),
    confirmedByCountry(campaign.id),
    countsOverTime(campaign.id, "day"),
    localisedCampaign(campaign, locale),
    publicTargets(campaign.id),
  ]);
  // The page is in the reader's language; the campaign's own words say which language they are in.
  return (
    <article className="container campaign-layout">
      <CampaignStructuredData campaign={shown} locale={locale} />
      <CampaignHeader campaign={shown} />
      <PetitionPanel campaign={campaign} />
      <div className="campaign-main">
        <Statement campaign={shown} />
        <ShareBar url={campaignLink(locale, campaign.slug)} title={shown.title} slug={campaign.slug} />
        <WriteInvitation slug={campaign.slug} targets={targets} lang={campaign.locale} />
        <VoteRecord campaignId={campaign.id} slug={campaign.slug} />
        <CountOverTime days={days} apiPath={paths.apiCampaignSeries(campaign.slug)} />
        <CountryCounts counts={publicCountryCounts(byCountry)} />
        <IntegrityReport report={integrity} />
      </div>
    </article>
  );
}
