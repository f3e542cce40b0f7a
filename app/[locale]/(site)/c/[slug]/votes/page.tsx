import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignLink } from "@/components/campaigns/campaign-link";
import { CountryLookup } from "@/components/votes/country-lookup";
import { VoteSources } from "@/components/votes/vote-sources";
import { VoteTable } from "@/components/votes/vote-table";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { alternates, paths } from "@/lib/paths";
import { campaignShareMetadata } from "@/lib/sharing/share-cards";
import { getVoteRecord } from "@/lib/votes/queries";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ country?: string | string[] }>;
};

async function load({ params }: Pick<Props, "params">) {
  const { locale, slug } = await params;
  const found = await getPublicCampaign(slug);
  if (!found) return null;
  const [campaign, stages] = await Promise.all([localisedCampaign(found, locale), getVoteRecord(found.id)]);
  return stages.length > 0 ? { locale, found, campaign, stages } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  if (!found) return {};
  const t = await getTranslations("Votes");
  const { locale, campaign } = found;
  const title = `${t("pageTitle")}: ${campaign.title}`;
  const path = paths.votes(campaign.slug);
  return {
    title,
    description: campaign.summary,
    alternates: alternates(locale, path),
    // Shared, it shows the campaign's card.
    ...(await campaignShareMetadata(locale, found.found, campaign, { title, path })),
  };
}

/**
 * Every country's vote, on a page of its own: the lookup, the complete table (the map's text
 * alternative) and the sources. The campaign page keeps the totals, the map and who voted against,
 * and stays short enough for a phone to load and use quickly.
 */
export default async function VotesPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { campaign, stages } = found;
  const [t, { country }] = await Promise.all([getTranslations("Votes"), props.searchParams]);
  return (
    <div className="container">
      <CampaignLink campaign={campaign} />
      <h1>{t("pageTitle")}</h1>
      <CountryLookup slug={campaign.slug} stages={stages} selected={typeof country === "string" ? country : undefined} />
      <VoteTable slug={campaign.slug} stages={stages} />
      <VoteSources stages={stages} level={2} />
    </div>
  );
}
