import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbedWidget } from "@/components/embed/embed-widget";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { slug }] = await Promise.all([pageLocale(params), params]);
  const campaign = await getPublicCampaign(slug);
  return campaign ? { title: (await localisedCampaign(campaign, locale)).title } : {};
}

/**
 * The counter and the signing form, for an iframe on another site (works without JavaScript too).
 * The snippet's utm_source (or "embed") is read from the signing post's address (lib/petition/actions.ts).
 */
export default async function EmbedPage({ params }: Props) {
  const [, { slug }] = await Promise.all([pageLocale(params), params]);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  return <EmbedWidget campaign={campaign} />;
}
