import { getLocale, getTranslations } from "next-intl/server";
import { SubjectBodyForm } from "@/components/ui/subject-body-form";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { isLocale } from "@/lib/i18n/locales";
import { sendLetterBySiteAction } from "@/lib/letters/by-site-actions";
import type { LettersBySite as Offer } from "@/lib/letters/by-site";
import { LETTER_LIMITS, letterTo } from "@/lib/letters/letter";
import { campaignLetter } from "@/lib/letters/queries";

type Props = { token: string; offer: Offer; sentTo: string | null };

/** On the signer's own data page: the letters the site can send for them, one form per target. */
export async function LettersBySite({ token, offer, sentTo }: Props) {
  const [t, locale] = await Promise.all([getTranslations("Letters"), getLocale()]);
  if (!isLocale(locale)) return null;
  const [suggested, shown] = await Promise.all([campaignLetter(offer.campaign.id, locale), localisedCampaign({ ...offer.campaign, statement: "" }, locale)]);
  const sent = offer.targets.find((target) => String(target.id) === sentTo);
  const words = { errorSummary: t("bySite.errorSummary"), subject: t("subject"), body: t("body"), bodyHint: t("bodyHint"), save: t("bySite.send"), pending: t("bySite.pending") };
  return (
    <section aria-labelledby="letters-by-site">
      <h2 id="letters-by-site">{t("bySite.heading")}</h2>
      {sent && (
        <p className="notice" role="status">
          {t("bySite.sent", { name: sent.name })}
        </p>
      )}
      <p>{t("bySite.intro")}</p>
      <p className="notice">{t("bySite.warning")}</p>
      {offer.targets.map((target) => {
        const letter = suggested ? letterTo(suggested, target.name) : { subject: t("default.subject", { title: shown.title }), body: t("default.body", { target: target.name, title: shown.title, summary: shown.summary }) };
        return (
          <section key={target.id} aria-labelledby={`by-site-${target.id}`} className="letter">
            <h3 id={`by-site-${target.id}`} lang={offer.campaign.locale}>
              {target.name}
            </h3>
            <SubjectBodyForm action={sendLetterBySiteAction.bind(null, token, target.id)} id={`by-site-${target.id}`} locale={locale} limits={LETTER_LIMITS} initialValues={letter} words={words} />
          </section>
        );
      })}
    </section>
  );
}
