import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { listOpenCampaigns } from "@/lib/campaigns/queries";

export default async function HomePage() {
  await connection();
  const [t, campaigns] = await Promise.all([getTranslations("Home"), listOpenCampaigns()]);
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <CampaignList campaigns={campaigns} />
    </div>
  );
}
