import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { Statement } from "@/components/campaigns/statement";
import { PetitionPanel } from "@/components/petition/petition-panel";
import { IntegrityReport } from "@/components/campaigns/integrity-report";
import { CampaignStructuredData } from "@/components/campaigns/structured-data";
import { CountryCounts } from "@/components/petition/country-counts";
import { VoteRecord } from "@/components/votes/vote-record";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";
import { confirmedByCountry } from "@/lib/petition/counts";
import { publicCountryCounts } from "@/lib/petition/public-counts";
import { getIntegrityReport } from "@/lib/privacy/integrity";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ country?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const campaign = await getPublicCampaign((await params).slug);
  if (!campaign) return {};
  return { title: campaign.title, description: campaign.summary, alternates: { canonical: paths.campaign(campaign.slug) } };
}

// Rendered whole on the server, without Suspense boundaries: streamed parts stay hidden without
// JavaScript, and an unknown slug must get a real 404 status (docs/decisions/005).
export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const [{ country }, integrity, byCountry] = await Promise.all([searchParams, getIntegrityReport(campaign.id), confirmedByCountry(campaign.id)]);
  return (
    <article className="container campaign-layout" lang={campaign.locale}>
      <CampaignStructuredData campaign={campaign} />
      <CampaignHeader campaign={campaign} />
      <PetitionPanel campaign={campaign} />
      <div className="campaign-main">
        <Statement campaign={campaign} />
        <VoteRecord campaignId={campaign.id} slug={campaign.slug} selectedCountry={typeof country === "string" ? country : undefined} />
        <CountryCounts counts={publicCountryCounts(byCountry)} />
        <IntegrityReport report={integrity} />
      </div>
    </article>
  );
}
