import { getTranslations } from "next-intl/server";
import type { PublicCampaign } from "@/lib/campaigns/queries";

export async function CampaignHeader({ campaign }: { campaign: PublicCampaign }) {
  const t = await getTranslations("Campaign");
  return (
    <header className="campaign-header">
      <h1>{campaign.title}</h1>
      <p className="lead">{campaign.summary}</p>
      {campaign.status === "CLOSED" && <p className="notice">{t("closed")}</p>}
    </header>
  );
}
