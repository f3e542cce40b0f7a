import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignHeader } from "@/components/campaigns/campaign-header";
import { Statement } from "@/components/campaigns/statement";
import { requireAdmin } from "@/lib/auth/session";
import { getCampaignForPreview } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCampaigns.preview");
  return { title: t("metaTitle") };
}

// The public components with the stored data, whatever the status: drafts stay 404 on the public URL,
// since getPublicCampaign, not this page, decides what the public sees.
export default async function CampaignPreviewPage({ params }: Props) {
  await requireAdmin();
  const id = Number((await params).id);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForPreview(id) : null;
  if (!campaign) notFound();
  const t = await getTranslations("AdminCampaigns");
  return (
    <>
      <p className="notice" role="note">
        {t("preview.notice", { status: t(`status.${campaign.status}`) })} <Link href={paths.adminCampaign(campaign.id)}>{t("preview.back")}</Link>
      </p>
      {/* No lang here: the headings around the campaign's words are in the admin's language; the
          campaign's own title, summary and statement carry theirs. */}
      <article className="campaign-layout">
        <CampaignHeader campaign={campaign} />
        <div className="campaign-main">
          <Statement campaign={campaign} />
        </div>
      </article>
    </>
  );
}
