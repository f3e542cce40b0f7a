import { getTranslations } from "next-intl/server";
import { CampaignStats } from "@/components/admin/dashboard/campaign-stats";
import { DailyChart } from "@/components/admin/dashboard/daily-chart";
import { MailQueue } from "@/components/admin/dashboard/mail-queue";
import { StatusSummary } from "@/components/admin/dashboard/status-summary";
import { requireStaff } from "@/lib/auth/session";
import { queueStatus } from "@/lib/email/queue";
import { signaturesPerDay, statusCountsByCampaign, totalCounts } from "@/lib/moderation/stats";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export default async function DashboardPage() {
  await requireStaff();
  const [t, perCampaign, daily, mail] = await Promise.all([getTranslations("AdminDashboard"), statusCountsByCampaign(), signaturesPerDay(30), queueStatus()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <StatusSummary counts={totalCounts(perCampaign)} />
      <MailQueue status={mail} />
      <DailyChart days={daily} />
      <CampaignStats campaigns={perCampaign} />
    </>
  );
}
