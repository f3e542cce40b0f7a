import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CampaignLink } from "@/components/campaigns/campaign-link";
import { ShareBar } from "@/components/sharing/share-bar";
import { CountryHistoryView } from "@/components/votes/country-history";
import { countryDisplayName } from "@/components/votes/country-name";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { pageLocale } from "@/lib/i18n/page-locale";
import { alternates, localised, paths } from "@/lib/paths";
import { shareMetadata } from "@/lib/sharing/share-cards";
import { absoluteUrl } from "@/lib/site-url";
import { getVoteRecord } from "@/lib/votes/queries";
import { countryHistory } from "@/lib/votes/results";

type Props = { params: Promise<{ locale: string; slug: string; iso3: string }> };

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

async function load({ params }: Props) {
  const [locale, { slug, iso3 }] = await Promise.all([pageLocale(params), params]);
  const found = await getPublicCampaign(slug);
  const history = found ? countryHistory(await getVoteRecord(found.id), iso3) : null;
  if (!found || !history) return null;
  // The campaign's title in the reader's language when translated; the country's name in it too.
  const [campaign, tVotes] = await Promise.all([localisedCampaign(found, locale), getTranslations("Votes")]);
  return { locale, campaign, history, country: countryDisplayName(tVotes, locale, history.iso3, history.name) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await load(props);
  if (!found) return {};
  const t = await getTranslations("CountryPage");
  const title = t("title", { country: found.country });
  const path = paths.countryPage(found.campaign.slug, found.history.iso3);
  const image = localised(found.locale, paths.countryShareImage(found.campaign.slug, found.history.iso3));
  return {
    title,
    description: found.campaign.title,
    alternates: alternates(found.locale, path),
    ...shareMetadata({ title, description: found.campaign.title, url: localised(found.locale, path), image, alt: title }),
  };
}

/** One country's record on the campaign's question, to share with its own citizens. */
export default async function CountryPage(props: Props) {
  const found = await load(props);
  if (!found) notFound();
  const { campaign, history, country } = found;
  const t = await getTranslations("CountryPage");
  return (
    <div className="container narrow">
      <CampaignLink campaign={campaign} />
      <h1>{t("title", { country })}</h1>
      <section className="card lookup-result" aria-label={t("record")}>
        <CountryHistoryView history={history} headingLevel={2} />
      </section>
      <p>
        <Link href={paths.sign(campaign.slug)} className="button">
          {t("sign")}
        </Link>
      </p>
      <ShareBar url={absoluteUrl(localised(found.locale, paths.countryPage(campaign.slug, history.iso3)))} title={t("title", { country })} slug={campaign.slug} />
    </div>
  );
}
