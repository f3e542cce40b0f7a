import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LetterForm } from "@/components/letters/letter-form";
import { Link } from "@/components/ui/link";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { textDirectionOf } from "@/lib/i18n/locales";
import { pageLocale } from "@/lib/i18n/page-locale";
import { letterTo } from "@/lib/letters/letter";
import { campaignLetter, lettersBySiteOn, publicTargets } from "@/lib/letters/queries";
import { alternates, paths } from "@/lib/paths";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Cached and shared (lib/net/cacheable-pages.ts): the same for every reader; the letter is edited in
// the reader's browser and posted to the letter route, which keeps nothing of it.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

async function load({ params }: Props) {
  const [locale, { slug }] = await Promise.all([pageLocale(params), params]);
  const campaign = await getPublicCampaign(slug);
  const targets = campaign ? await publicTargets(campaign.id) : [];
  if (!campaign || targets.length === 0) return null;
  return { locale, campaign, targets, shown: await localisedCampaign(campaign, locale) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  if (!found) return {};
  const t = await getTranslations("Letters");
  return { title: t("metaTitle", { title: found.shown.title }), alternates: alternates(found.locale, paths.write(found.campaign.slug)) };
}

/** The campaign's targets, each with the suggested letter in the reader's language to edit and send. */
export default async function WritePage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { locale, campaign, targets, shown } = found;
  const [t, suggested, bySite] = await Promise.all([getTranslations("Letters"), campaignLetter(campaign.id, locale), lettersBySiteOn(campaign.id)]);
  // Staff's letter in this language, or the site's own suggestion, which names the campaign as the reader sees it.
  const letterFor = (name: string) =>
    suggested ? letterTo(suggested, name) : { subject: t("default.subject", { title: shown.title }), body: t("default.body", { target: name, title: shown.title, summary: shown.summary }) };
  return (
    <div className="container narrow">
      <p>
        <Link href={paths.campaign(campaign.slug)}>{t("back")}</Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="muted" lang={shown.shownLocale} dir={textDirectionOf(shown.shownLocale)}>
        {shown.title}
      </p>
      <p className="lead">{t("intro", { count: targets.length })}</p>
      <p>{t("privacy")}</p>
      <p className="notice">{t("warning")}</p>
      {bySite && <p>{t("bySiteNote")}</p>}
      {targets.map((target) => (
        <LetterForm key={target.id} slug={campaign.slug} target={target} letter={letterFor(target.name)} letterLocale={locale} targetLocale={campaign.locale} />
      ))}
    </div>
  );
}
