import { getFormatter, getTranslations } from "next-intl/server";
import type { AdminCampaign } from "@/lib/campaigns/queries";

/** The campaign's vote stages in page order, so an admin sees what an import would add to. */
export async function StageList({ stages }: { stages: AdminCampaign["voteStages"] }) {
  const [t, format] = await Promise.all([getTranslations("AdminCampaigns.stages"), getFormatter()]);
  if (stages.length === 0) return <p>{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <thead>
          <tr>
            <th scope="col">{t("columns.key")}</th>
            <th scope="col">{t("columns.body")}</th>
            <th scope="col">{t("columns.date")}</th>
            <th scope="col">{t("columns.rows")}</th>
            <th scope="col">{t("columns.names")}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((stage) => (
            <tr key={stage.id}>
              <td>
                <code>{stage.key}</code>
              </td>
              <td>{stage.body}</td>
              <td>{format.dateTime(stage.date, { dateStyle: "medium", timeZone: "UTC" })}</td>
              <td>{format.number(stage._count.votes)}</td>
              <td>{stage.namesComplete ? t("complete") : t("partial")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
