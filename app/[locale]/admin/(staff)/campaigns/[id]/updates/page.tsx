import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { requireAdmin } from "@/lib/auth/session";
import { getCampaignForPreview } from "@/lib/campaigns/queries";
import { paths } from "@/lib/paths";
import { createUpdateAction } from "@/lib/updates/actions";
import { listUpdates } from "@/lib/updates/queries";
import { consentingSigners } from "@/lib/updates/service";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUpdates");
  return { title: t("metaTitle") };
}

/** A campaign's updates to its consenting signers: each with how its sending went, and a new one. */
export default async function CampaignUpdatesPage({ params }: Props) {
  await requireAdmin();
  const id = Number((await params).id);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForPreview(id) : null;
  if (!campaign) notFound();
  const [t, format, updates, consenting] = await Promise.all([getTranslations("AdminUpdates"), getFormatter(), listUpdates(campaign.id), consentingSigners(campaign.id)]);
  return (
    <div className="narrow">
      <p>
        <Link href={paths.adminCampaign(campaign.id)}>{t("back")}</Link>
      </p>
      <h1>{t("title", { title: campaign.title })}</h1>
      <p>{t("intro", { count: consenting })}</p>
      <form action={createUpdateAction.bind(null, campaign.id)}>
        <SubmitButton variant="primary" label={t("create")} pending={t("creating")} />
      </form>
      {updates.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.update")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.counts")}</th>
              </tr>
            </thead>
            <tbody>
              {updates.map((update) => (
                <tr key={update.id}>
                  <th scope="row">
                    <Link href={paths.adminCampaignUpdate(campaign.id, update.id)}>{update.texts[0]?.subject ?? t("untitled")}</Link>
                    <br />
                    <span className="small muted">{format.dateTime(update.createdAt, { dateStyle: "medium", timeStyle: "short" })}</span>
                  </th>
                  <td>{t(`status.${update.status}`)}</td>
                  <td>{t("counts", { queued: update.queued, sent: update.sent, failed: update.failed, skipped: update.skipped, unsubscribed: update.unsubscribed })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
