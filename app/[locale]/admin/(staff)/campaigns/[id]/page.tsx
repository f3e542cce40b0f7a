import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignFormMessages } from "@/components/admin/campaigns/admin-messages";
import { CampaignForm } from "@/components/admin/campaigns/campaign-form";
import { ImportVotesForm } from "@/components/admin/campaigns/import-votes-form";
import { StageList } from "@/components/admin/campaigns/stage-list";
import { TranslationsSection } from "@/components/admin/campaigns/translation-section";
import { requireAdmin } from "@/lib/auth/session";
import { updateCampaignAction } from "@/lib/campaigns/actions";
import { getCampaignForAdmin } from "@/lib/campaigns/queries";
import { storedCampaignValues } from "@/lib/campaigns/schema";
import { paths, type AdminCampaignNotice } from "@/lib/paths";
import { importVotesAction } from "@/lib/votes/actions";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> };
const NOTICES: AdminCampaignNotice[] = ["created", "saved", "unchanged", "imported"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCampaigns.edit");
  return { title: t("metaTitle") };
}

export default async function EditCampaignPage({ params, searchParams }: Props) {
  await requireAdmin();
  const id = Number((await params).id);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForAdmin(id) : null;
  if (!campaign) notFound();
  const t = await getTranslations("AdminCampaigns");
  const { notice } = await searchParams;
  const shown = NOTICES.find((value) => value === notice);
  return (
    <div className="narrow">
      <p>
        <Link href={paths.adminCampaigns()}>{t("back")}</Link>
      </p>
      <h1>{t("edit.title", { title: campaign.title })}</h1>
      {shown && (
        <p className="notice" role="status">
          {t(`edit.notice.${shown}`)}
        </p>
      )}
      <p>
        <Link href={paths.adminCampaignPreview(campaign.id)}>{t("edit.preview")}</Link>
        {" · "}
        <Link href={paths.adminCampaignReach(campaign.id)}>{t("edit.reach")}</Link>
        {" · "}
        <Link href={paths.adminCampaignReport(campaign.id)}>{t("edit.report")}</Link>
        {" · "}
        <Link href={paths.adminCampaignTargets(campaign.id)}>{t("edit.targets")}</Link>
        {" · "}
        <Link href={paths.adminCampaignUpdates(campaign.id)}>{t("edit.updates")}</Link>
        {campaign.status !== "DRAFT" && (
          <>
            {" · "}
            <Link href={paths.campaign(campaign.slug)}>{t("edit.publicPage")}</Link>
          </>
        )}
      </p>
      <CampaignFormMessages>
        {/* Keyed by what a save changes: after the redirect the forms start again from the stored data
            instead of keeping the state of the submission before. */}
        <CampaignForm key={`${campaign.updatedAt.toISOString()}-${shown}`} action={updateCampaignAction.bind(null, campaign.id)} initialValues={storedCampaignValues(campaign)} submitLabel={t("form.save")} />
        <h2 id="stages-heading">{t("stages.heading")}</h2>
        <StageList stages={campaign.voteStages} />
        <h2>{t("import.heading")}</h2>
        <p>{t("import.intro")}</p>
        <ImportVotesForm key={campaign.voteStages.at(-1)?.id ?? 0} action={importVotesAction.bind(null, campaign.id)} />
      </CampaignFormMessages>
      <TranslationsSection campaign={campaign} notice={notice} />
    </div>
  );
}
