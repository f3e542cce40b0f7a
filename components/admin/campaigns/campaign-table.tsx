import { InLanguage } from "@/components/ui/in-language";
import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { CampaignStatusValue } from "@/lib/campaigns/schema";
import { paths } from "@/lib/paths";

type Row = { id: number; slug: string; locale: string; title: string; status: CampaignStatusValue; goal: number; deadline: Date | null };

/** Every campaign, drafts included, with a link to edit each. */
export async function CampaignTable({ campaigns }: { campaigns: Row[] }) {
  const [t, format] = await Promise.all([getTranslations("AdminCampaigns"), getFormatter()]);
  if (campaigns.length === 0) return <p>{t("list.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="visually-hidden">{t("list.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("list.columns.title")}</th>
            <th scope="col">{t("list.columns.slug")}</th>
            <th scope="col">{t("list.columns.status")}</th>
            <th scope="col">{t("list.columns.goal")}</th>
            <th scope="col">{t("list.columns.deadline")}</th>
            <th scope="col">{t("list.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((campaign) => (
            <tr key={campaign.id}>
              <th scope="row">
                <InLanguage lang={campaign.locale}>{campaign.title}</InLanguage>
              </th>
              <td>
                <code>{campaign.slug}</code>
              </td>
              <td>
                <span className="status">{t(`status.${campaign.status}`)}</span>
              </td>
              <td>{format.number(campaign.goal)}</td>
              <td>{campaign.deadline ? t("utc", { time: format.dateTime(campaign.deadline, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) }) : t("list.noDeadline")}</td>
              <td>
                <Link href={paths.adminCampaign(campaign.id)} aria-label={t("list.editLabel", { title: campaign.title })}>
                  {t("list.edit")}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
