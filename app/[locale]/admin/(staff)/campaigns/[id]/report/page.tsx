import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DeliveryReportFigures } from "@/components/admin/campaigns/delivery-report";
import { Statement } from "@/components/campaigns/statement";
import { Link } from "@/components/ui/link";
import { PrintButton } from "@/components/ui/print-button";
import { requireStaff } from "@/lib/auth/session";
import { getDeliveryReport } from "@/lib/campaigns/delivery-report";
import { getCampaignForAdmin } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ names?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminReport");
  return { title: t("metaTitle") };
}

/** The hand-in record: print it, or save it as PDF from the print dialog. */
export default async function DeliveryReportPage({ params, searchParams }: Props) {
  await requireStaff();
  const id = Number((await params).id);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForAdmin(id) : null;
  if (!campaign) notFound();
  const names = (await searchParams).names === "1";
  const [t, report] = await Promise.all([getTranslations("AdminReport"), getDeliveryReport(campaign, { names })]);
  return (
    <article className="delivery-report">
      <p className="no-print">
        <Link href={paths.adminCampaign(campaign.id)}>{t("back")}</Link>
      </p>
      <h1>{t("title", { title: campaign.title })}</h1>
      <div className="no-print report-actions">
        <PrintButton label={t("print")} />
        <p className="muted small">{t("printHint")}</p>
        <p>
          <Link href={names ? paths.adminCampaignReport(campaign.id) : paths.adminCampaignReport(campaign.id, { names: true })}>{names ? t("withoutNames") : t("withNames")}</Link>
        </p>
      </div>
      <DeliveryReportFigures report={report} apiPath={paths.apiCampaignSeries(campaign.slug)} />
      <Statement campaign={campaign} />
    </article>
  );
}
