import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/admin/confirm-form";
import { SubjectBodyForm } from "@/components/ui/subject-body-form";
import { TargetForm } from "@/components/admin/targets/target-form";
import { Link } from "@/components/ui/link";
import { requireAdmin } from "@/lib/auth/session";
import { getCampaignForPreview } from "@/lib/campaigns/queries";
import { languageLabel, LOCALES } from "@/lib/i18n/locales";
import { deleteTargetAction, saveCampaignLetterAction, saveTargetAction, setLettersBySiteAction } from "@/lib/letters/actions";
import { lettersPerTargetPerHour } from "@/lib/letters/by-site";
import { lettersBySiteOn } from "@/lib/letters/queries";
import { LETTER_LIMITS } from "@/lib/letters/letter";
import { campaignLetters, targetsForAdmin } from "@/lib/letters/queries";
import { paths, type AdminTargetsNotice } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> };

const NOTICES: AdminTargetsNotice[] = ["target-created", "target-saved", "target-unchanged", "target-deleted", "letter-saved", "letter-unchanged", "by-site-on", "by-site-off"];

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminTargets");
  return { title: t("metaTitle") };
}

/** Whom signers write to (with the letters each was sent), and the suggested letter in each language. */
export default async function CampaignTargetsPage({ params, searchParams }: Props) {
  await requireAdmin();
  const [{ id: rawId }, search] = await Promise.all([params, searchParams]);
  const id = Number(rawId);
  const campaign = Number.isSafeInteger(id) && id > 0 ? await getCampaignForPreview(id) : null;
  if (!campaign) notFound();
  const [t, uiLocale, targets, letters, messages, bySite] = await Promise.all([
    getTranslations("AdminTargets"),
    getLocale(),
    targetsForAdmin(campaign.id),
    campaignLetters(campaign.id),
    getMessages(),
    lettersBySiteOn(campaign.id),
  ]);
  const notice = NOTICES.find((value) => value === search.notice);
  const nextPosition = String(targets.reduce((max, target) => Math.max(max, target.position + 1), 0));
  const letterWords = {
    errorSummary: t("letter.errorSummary"),
    subject: t("letter.subject"),
    body: t("letter.body"),
    bodyHint: t("letter.bodyHint", { max: LETTER_LIMITS.body }),
    save: t("letter.save"),
    pending: t("letter.pending"),
  };
  const deleteWords = (name: string) => ({ confirm: t("delete.confirm", { name }), submit: t("delete.submit"), submitLabel: t("delete.submitLabel", { name }), pending: t("delete.pending"), errorTitle: t("delete.errorTitle") });
  return (
    <div className="narrow">
      <p>
        <Link href={paths.adminCampaign(campaign.id)}>{t("back")}</Link>
      </p>
      <h1>{t("title", { title: campaign.title })}</h1>
      {notice && (
        <p className="notice" role="status">
          {t(`notice.${notice}`)}
        </p>
      )}
      <p>{t("intro")}</p>
      {campaign.status !== "DRAFT" && targets.length > 0 && (
        <p>
          <Link href={paths.write(campaign.slug)}>{t("publicPage")}</Link>
        </p>
      )}
      <NextIntlClientProvider messages={{ AdminTargets: { form: messages.AdminTargets.form } }}>
        <section aria-labelledby="targets-heading">
          <h2 id="targets-heading">{t("targetsHeading")}</h2>
          {targets.length === 0 ? (
            <p>{t("none")}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">{t("caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("columns.name")}</th>
                    <th scope="col">{t("columns.address")}</th>
                    <th scope="col">{t("columns.letters")}</th>
                  </tr>
                </thead>
                <tbody>
                  {targets.map((target) => (
                    <tr key={target.id}>
                      <th scope="row" lang={campaign.locale}>
                        {target.name}
                        <br />
                        <span className="small muted">{target.role}</span>
                      </th>
                      <td>{target.email ? <span dir="ltr">{target.email}</span> : <span className="muted">{t("noAddress")}</span>}</td>
                      <td>{t("letterCounts", { mailApp: target.letters.mailApp, server: target.letters.server })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {targets.map((target) => (
            <section key={target.id} aria-labelledby={`target-${target.id}-heading`}>
              <h3 id={`target-${target.id}-heading`}>{t("edit", { name: target.name })}</h3>
              <TargetForm
                action={saveTargetAction.bind(null, campaign.id, target.id)}
                id={String(target.id)}
                lang={campaign.locale}
                initialValues={{ name: target.name, role: target.role, email: target.email ?? "", contactSource: target.contactSource ?? "", position: String(target.position) }}
              />
              <ConfirmForm action={deleteTargetAction.bind(null, campaign.id, target.id)} id={`delete-target-${target.id}`} words={deleteWords(target.name)} />
            </section>
          ))}
          <h3>{t("add")}</h3>
          <TargetForm action={saveTargetAction.bind(null, campaign.id, null)} id="new" lang={campaign.locale} initialValues={{ position: nextPosition }} />
        </section>
        <section aria-labelledby="by-site-heading">
          <h2 id="by-site-heading">{t("bySite.heading")}</h2>
          <p>{t(bySite ? "bySite.on" : "bySite.off", { perHour: lettersPerTargetPerHour() })}</p>
          <ConfirmForm
            action={setLettersBySiteAction.bind(null, campaign.id, !bySite)}
            id="letters-by-site"
            words={
              bySite
                ? { submit: t("bySite.turnOff"), pending: t("bySite.pending"), errorTitle: t("bySite.errorTitle") }
                : { confirm: t("bySite.confirm", { perHour: lettersPerTargetPerHour() }), submit: t("bySite.turnOn"), pending: t("bySite.pending"), errorTitle: t("bySite.errorTitle") }
            }
          />
        </section>
        <section aria-labelledby="letters-heading">
          <h2 id="letters-heading">{t("lettersHeading")}</h2>
          <p>{t("lettersIntro")}</p>
          {LOCALES.map((locale) => {
            const letter = letters.find((one) => one.locale === locale);
            return (
              <section key={locale} aria-labelledby={`letter-${locale}-heading`}>
                <h3 id={`letter-${locale}-heading`}>{languageLabel(locale, uiLocale)}</h3>
                {!letter && <p className="small">{t("letterDefault")}</p>}
                <SubjectBodyForm
                  action={saveCampaignLetterAction.bind(null, campaign.id)}
                  id={`letter-${locale}`}
                  locale={locale}
                  limits={LETTER_LIMITS}
                  initialValues={letter ? { subject: letter.subject, body: letter.body } : {}}
                  words={letterWords}
                />
              </section>
            );
          })}
        </section>
      </NextIntlClientProvider>
    </div>
  );
}
