import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { listOpenCampaigns } from "@/lib/campaigns/queries";
import { localisedCampaigns } from "@/lib/campaigns/translations-queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { alternates, paths } from "@/lib/paths";
import { siteShareMetadata } from "@/lib/sharing/share-cards";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations("Site");
  return {
    alternates: alternates(locale, paths.home()),
    ...siteShareMetadata(locale, { title: t("name"), description: t("tagline"), path: paths.home() }),
  };
}

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params);
  const [t, campaigns] = await Promise.all([getTranslations("Home"), listOpenCampaigns()]);
  // Each campaign's title and summary in the reader's language when translated (marked with their own
  // language otherwise).
  const shown = await localisedCampaigns(campaigns, locale);
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <CampaignList campaigns={shown} />
    </div>
  );
}
