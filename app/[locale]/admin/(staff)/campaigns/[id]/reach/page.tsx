import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AfterSigning } from "@/components/admin/reach/after-signing";
import { EmbedSnippet } from "@/components/admin/reach/embed-snippet";
import { ReachTables } from "@/components/admin/reach/reach-tables";
import { requireAdmin } from "@/lib/auth/session";
import { getCampaignForPreview } from "@/lib/campaigns/queries";
import { afterSigningPaths } from "@/lib/letters/queries";
import { localised, paths } from "@/lib/paths";
import { embedSnippet } from "@/lib/sharing/embed";
import { campaignReach } from "@/lib/sharing/queries";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminReach");
  return { title: t("metaTitle") };
}

/** Where the signatures came from (channels, people's personal links), and the widget to embed. */
export default async function CampaignReachPage({ params }: Props) {
  await requireAdmin();
  const id = Number((await params).id);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForPreview(id) : null;
  if (!campaign) notFound();
  const [t, reach, locale, answers] = await Promise.all([getTranslations("AdminReach"), campaignReach(campaign.id), getLocale(), afterSigningPaths(campaign.id)]);
  return (
    <div className="narrow">
      <p>
        <Link href={paths.adminCampaign(campaign.id)}>{t("back")}</Link>
      </p>
      <h1>{t("title", { title: campaign.title })}</h1>
      <ReachTables reach={reach} />
      <AfterSigning paths={answers} referred={reach.referred} />
      <EmbedSnippet snippet={embedSnippet(locale, campaign.slug, campaign.title)} previewUrl={localised(locale, paths.embed(campaign.slug))} open={campaign.status !== "DRAFT"} />
    </div>
  );
}
