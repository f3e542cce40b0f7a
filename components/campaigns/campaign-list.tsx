import { Link } from "@/i18n/navigation";
import { getTranslations } from "next-intl/server";
import { LinkPending } from "@/components/ui/link-pending";
import { paths } from "@/lib/paths";

type CampaignSummary = { slug: string; title: string; summary: string; organisation: string };

export async function CampaignList({ campaigns }: { campaigns: CampaignSummary[] }) {
  const t = await getTranslations("Home");
  if (campaigns.length === 0) return <p>{t("empty")}</p>;
  return (
    <ul className="campaign-list">
      {campaigns.map((campaign) => (
        <li key={campaign.slug} className="card">
          <h2>
            <Link href={paths.campaign(campaign.slug)}>
              {campaign.title}
              <LinkPending />
            </Link>
          </h2>
          <p className="muted">{t("by", { organisation: campaign.organisation })}</p>
          <p>{campaign.summary}</p>
        </li>
      ))}
    </ul>
  );
}
