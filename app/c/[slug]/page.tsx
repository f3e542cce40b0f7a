import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { Statement } from "@/components/campaigns/statement";
import { VoteRecord } from "@/components/votes/vote-record";
import { VoteRecordSkeleton } from "@/components/votes/vote-record-skeleton";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ country?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const campaign = await getPublicCampaign((await params).slug);
  if (!campaign) return {};
  return { title: campaign.title, description: campaign.summary, alternates: { canonical: paths.campaign(campaign.slug) } };
}

// No route-level loading.tsx here: the campaign is looked up before anything streams, so that an
// unknown slug gets a real 404 status; the vote record streams in behind its own skeleton.
export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const { country } = await searchParams;
  return (
    <article className="container campaign" lang={campaign.locale}>
      <CampaignHeader campaign={campaign} />
      <Statement campaign={campaign} />
      <Suspense fallback={<VoteRecordSkeleton />}>
        <VoteRecord campaignId={campaign.id} slug={campaign.slug} selectedCountry={typeof country === "string" ? country : undefined} />
      </Suspense>
    </article>
  );
}
