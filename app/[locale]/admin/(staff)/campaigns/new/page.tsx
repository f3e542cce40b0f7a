import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CampaignFormMessages } from "@/components/admin/campaigns/admin-messages";
import { CampaignForm } from "@/components/admin/campaigns/campaign-form";
import { requireAdmin } from "@/lib/auth/session";
import { createCampaignAction } from "@/lib/campaigns/actions";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminCampaigns.new");
  return { title: t("title") };
}

export default async function NewCampaignPage() {
  await requireAdmin();
  const t = await getTranslations("AdminCampaigns");
  return (
    <div className="narrow">
      <p>
        <Link href={paths.adminCampaigns()}>{t("back")}</Link>
      </p>
      <h1>{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      <CampaignFormMessages>
        <CampaignForm action={createCampaignAction} initialValues={{ status: "DRAFT" }} submitLabel={t("form.create")} />
      </CampaignFormMessages>
    </div>
  );
}
