import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedWidget } from "@/components/embed/embed-widget";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { EMBED_SOURCE } from "@/lib/sharing/embed";
import { attributionFromSearch } from "@/lib/sharing/referral";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const campaign = await getPublicCampaign(slug);
  return campaign ? { title: (await localisedCampaign(campaign, locale)).title } : {};
}

/** The counter and the signing form, for an iframe on another site (works without JavaScript too). */
export default async function EmbedPage({ params, searchParams }: Props) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const attribution = attributionFromSearch(search);
  return <EmbedWidget campaign={campaign} attribution={{ referral: attribution.referral, source: attribution.source ?? EMBED_SOURCE }} />;
}
