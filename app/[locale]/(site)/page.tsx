import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { listOpenCampaigns } from "@/lib/campaigns/queries";
import { localisedCampaigns } from "@/lib/campaigns/translations-queries";
import { alternates, paths } from "@/lib/paths";
import { siteShareMetadata } from "@/lib/sharing/share-cards";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations("Site");
  return {
    alternates: alternates(locale, paths.home()),
    ...siteShareMetadata(locale, { title: t("name"), description: t("tagline"), path: paths.home() }),
  };
}

export default async function HomePage({ params }: Props) {
  await connection();
  const { locale } = await params;
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
