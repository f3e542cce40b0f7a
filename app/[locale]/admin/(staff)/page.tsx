import { getTranslations } from "next-intl/server";
import { CampaignStats } from "@/components/admin/dashboard/campaign-stats";
import { DailyChart } from "@/components/admin/dashboard/daily-chart";
import { StatusSummary } from "@/components/admin/dashboard/status-summary";
import { requireStaff } from "@/lib/auth/session";
import { signaturesPerDay, statusCountsByCampaign, totalCounts } from "@/lib/moderation/stats";

export default async function DashboardPage() {
  await requireStaff();
  const [t, perCampaign, daily] = await Promise.all([getTranslations("AdminDashboard"), statusCountsByCampaign(), signaturesPerDay(30)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <StatusSummary counts={totalCounts(perCampaign)} />
      <DailyChart days={daily} />
      <CampaignStats campaigns={perCampaign} />
    </>
  );
}
