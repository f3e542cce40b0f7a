import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { SubjectBodyForm } from "@/components/ui/subject-body-form";
import { Link } from "@/components/ui/link";
import { requireAdmin } from "@/lib/auth/session";
import { renderStatement } from "@/lib/campaigns/markdown";
import { getCampaignForPreview } from "@/lib/campaigns/queries";
import { languageLabel, LOCALE_DIRECTIONS, LOCALES } from "@/lib/i18n/locales";
import { paths, type AdminUpdateNotice } from "@/lib/paths";
import { saveUpdateTextAction, sendTestUpdateAction, sendUpdateAction } from "@/lib/updates/actions";
import { getUpdate, waitingMails } from "@/lib/updates/queries";
import { UPDATE_LIMITS } from "@/lib/updates/schema";
import { consentingSigners } from "@/lib/updates/service";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string; updateId: string }>; searchParams: Promise<{ notice?: string | string[] }> };

const NOTICES: AdminUpdateNotice[] = ["created", "text-saved", "text-unchanged", "test-sent", "sending"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminUpdates");
  return { title: t("metaTitle") };
}

/** One update: its text per language with a preview, a test to oneself, then the sending and its counts. */
export default async function CampaignUpdatePage({ params, searchParams }: Props) {
  await requireAdmin();
  const [{ id: rawId, updateId: rawUpdateId }, search] = await Promise.all([params, searchParams]);
  const id = Number(rawId);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForPreview(id) : null;
  const update = campaign ? await getUpdate(campaign.id, Number(rawUpdateId)) : null;
  if (!campaign || !update) notFound();
  const [t, uiLocale, consenting, waiting] = await Promise.all([getTranslations("AdminUpdates"), getLocale(), consentingSigners(campaign.id), waitingMails(update.id)]);
  const notice = NOTICES.find((value) => value === search.notice);
  const draft = update.status === "DRAFT";
  const words = {
    errorSummary: t("form.errorSummary"),
    subject: t("form.subject"),
    body: t("form.body"),
    bodyHint: t("form.bodyHint", { max: UPDATE_LIMITS.body }),
    save: t("form.save"),
    pending: t("form.pending"),
  };
  return (
    <div className="narrow">
      <p>
        <Link href={paths.adminCampaignUpdates(campaign.id)}>{t("backToList")}</Link>
      </p>
      <h1>{t("updateTitle", { title: campaign.title })}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`notice.${notice}`)}
        </p>
      )}
      <p>
        <strong>{t(`status.${update.status}`)}</strong> · {t("counts", { queued: update.queued, sent: update.sent, failed: update.failed, skipped: update.skipped, unsubscribed: update.unsubscribed })}
        {!draft && <> · {t("waiting", { count: waiting })}</>}
      </p>
      {draft && <p>{t("languagesIntro")}</p>}
      {LOCALES.map((locale) => {
        const text = update.texts.find((one) => one.locale === locale);
        return (
          <section key={locale} aria-labelledby={`update-${locale}-heading`}>
            <h2 id={`update-${locale}-heading`}>{languageLabel(locale, uiLocale)}</h2>
            {draft && (
              <SubjectBodyForm
                action={saveUpdateTextAction.bind(null, campaign.id, update.id)}
                id={`update-${locale}`}
                locale={locale}
                limits={UPDATE_LIMITS}
                initialValues={text ? { subject: text.subject, body: text.body } : {}}
                words={words}
              />
            )}
            {text ? (
              <section aria-labelledby={`preview-${locale}`} className="update-preview" lang={locale} dir={LOCALE_DIRECTIONS[locale]}>
                <h3 id={`preview-${locale}`} className="small muted">
                  {t("preview")}
                </h3>
                <p>
                  <strong>{text.subject}</strong>
                </p>
                <div className="statement" dangerouslySetInnerHTML={{ __html: renderStatement(text.body) }} />
              </section>
            ) : (
              !draft && <p className="muted">{t("noText")}</p>
            )}
          </section>
        );
      })}
      {draft && (
        <section aria-labelledby="send-heading">
          <h2 id="send-heading">{t("sendHeading")}</h2>
          <p>{t("testIntro")}</p>
          <ConfirmForm action={sendTestUpdateAction.bind(null, campaign.id, update.id)} id="update-test" words={{ submit: t("test.submit"), pending: t("test.pending"), errorTitle: t("test.errorTitle") }} />
          <p>{t("sendIntro", { count: consenting })}</p>
          <ConfirmForm
            action={sendUpdateAction.bind(null, campaign.id, update.id)}
            id="update-send"
            variant="primary"
            words={{ confirm: t("send.confirm", { count: consenting }), submit: t("send.submit"), pending: t("send.pending"), errorTitle: t("send.errorTitle") }}
          />
        </section>
      )}
    </div>
  );
}
