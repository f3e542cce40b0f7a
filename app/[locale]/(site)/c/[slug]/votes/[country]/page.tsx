import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadVotesPage, VotesPageBody, votesPageMetadata } from "@/components/votes/votes-page";
import { pageLocale } from "@/lib/i18n/page-locale";

// The votes page with a country looked up: /c/x/votes?country=PAK is served from here (proxy.ts), so
// that each answer is a page a shared cache can hold. Its canonical address is the votes page's.
type Props = { params: Promise<{ locale: string; slug: string; country: string }> };

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 5;
export const dynamic = "error";
export const generateStaticParams = () => [];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [locale, { slug }] = await Promise.all([pageLocale(params), params]);
  return votesPageMetadata(await loadVotesPage(locale, slug));
}

export default async function VotesLookupPage({ params }: Props) {
  const [locale, { slug, country }] = await Promise.all([pageLocale(params), params]);
  const data = await loadVotesPage(locale, slug);
  if (!data) notFound();
  return <VotesPageBody data={data} selected={country} />;
}
