import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CampaignTable } from "@/components/admin/campaigns/campaign-table";
import { requireAdmin } from "@/lib/auth/session";
import { listCampaignsForAdmin } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCampaigns.list");
  return { title: t("title") };
}

export default async function AdminCampaignsPage() {
  await requireAdmin();
  const [t, campaigns] = await Promise.all([getTranslations("AdminCampaigns.list"), listCampaignsForAdmin()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href={paths.adminNewCampaign()} className="button">
          {t("new")}
        </Link>
      </p>
      <CampaignTable campaigns={campaigns} />
    </>
  );
}
