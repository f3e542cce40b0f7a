import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { listOpenCampaigns } from "@/lib/campaigns/queries";
import { localisedCampaigns } from "@/lib/campaigns/translations-queries";

type Props = { params: Promise<{ locale: string }> };

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
