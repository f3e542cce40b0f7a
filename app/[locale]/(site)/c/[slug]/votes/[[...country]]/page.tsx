import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignLink } from "@/components/campaigns/campaign-link";
import { CountryLookup } from "@/components/votes/country-lookup";
import { VoteSources } from "@/components/votes/vote-sources";
import { VoteTable } from "@/components/votes/vote-table";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { alternates, paths } from "@/lib/paths";
import { campaignShareMetadata } from "@/lib/sharing/share-cards";
import { getVoteRecord } from "@/lib/votes/queries";

// /c/x/votes, and /c/x/votes/PAK, where proxy.ts sends the lookup's plain GET form (?country=PAK) so
// that each answer is a page a shared cache can hold (any other /votes/… path is a 404 there). The canonical address is
// the votes page's either way.
type Props = { params: Promise<{ locale: string; slug: string; country?: string[] }> };

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

async function load({ params }: Props) {
  const [locale, { slug, country }] = await Promise.all([pageLocale(params), params]);
  if (country && country.length > 1) return null;
  const found = await getPublicCampaign(slug);
  if (!found) return null;
  const [campaign, stages] = await Promise.all([localisedCampaign(found, locale), getVoteRecord(found.id)]);
  return stages.length > 0 ? { locale, found, campaign, stages, selected: country?.[0] } : null;
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
  const { campaign, stages, selected } = found;
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
