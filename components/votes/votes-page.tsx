import type { Metadata } from "next";
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

// The votes page, with or without a country looked up: /c/x/votes, and /c/x/votes?country=PAK, which
// proxy.ts serves from /c/x/votes/PAK so that each answer is a page a shared cache can hold.

export type VotesPageData = NonNullable<Awaited<ReturnType<typeof loadVotesPage>>>;

export async function loadVotesPage(locale: string, slug: string) {
  const found = await getPublicCampaign(slug);
  if (!found) return null;
  const [campaign, stages] = await Promise.all([localisedCampaign(found, locale), getVoteRecord(found.id)]);
  return stages.length > 0 ? { locale, found, campaign, stages } : null;
}

export async function votesPageMetadata(data: VotesPageData | null): Promise<Metadata> {
  if (!data) return {};
  const t = await getTranslations("Votes");
  const { locale, campaign } = data;
  const title = `${t("pageTitle")}: ${campaign.title}`;
  const path = paths.votes(campaign.slug);
  return {
    title,
    description: campaign.summary,
    alternates: alternates(locale, path),
    // Shared, it shows the campaign's card.
    ...(await campaignShareMetadata(locale, data.found, campaign, { title, path })),
  };
}

/**
 * Every country's vote, on a page of its own: the lookup, the complete table (the map's text
 * alternative) and the sources. The campaign page keeps the totals, the map and who voted against,
 * and stays short enough for a phone to load and use quickly.
 */
export async function VotesPageBody({ data, selected }: { data: VotesPageData; selected?: string }) {
  const { campaign, stages } = data;
  const t = await getTranslations("Votes");
  return (
    <div className="container">
      <CampaignLink campaign={campaign} />
      <h1>{t("pageTitle")}</h1>
      <CountryLookup slug={campaign.slug} stages={stages} selected={selected} />
      <VoteTable slug={campaign.slug} stages={stages} />
      <VoteSources stages={stages} level={2} />
    </div>
  );
}
