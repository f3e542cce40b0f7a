import "server-only";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localisedCampaign } from "@/lib/campaigns/translations-queries";
import { countryName } from "@/lib/countries";
import { textDirection, translator } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE, textDirectionOf } from "@/lib/i18n/locales";
import { localised, paths } from "@/lib/paths";
import { getPetitionProgress } from "@/lib/petition/queries";
import type { ShareImageContent } from "@/lib/sharing/share-image";
import { siteUrl } from "@/lib/site-url";
import { getVoteRecord } from "@/lib/votes/queries";
import { countryHistory } from "@/lib/votes/results";

// The words on the share images, as the page in `locale` shows them: the campaign's title in its
// translation when there is one (else the original, in its own direction), countries named in the
// reader's language. Each function returns null for what is not public (an unknown or draft campaign,
// a country with no vote on record), so the routes answer 404.

const host = () => new URL(siteUrl()).host;

export async function campaignCard(locale: string, slug: string): Promise<ShareImageContent | null> {
  const campaign = await getPublicCampaign(slug);
  if (!campaign) return null;
  const t = translator(locale, "ShareImage");
  const [progress, shown] = await Promise.all([getPetitionProgress(campaign), localisedCampaign(campaign, locale)]);
  return {
    kicker: campaign.organisation,
    headline: shown.title,
    headlineDir: textDirectionOf(shown.shownLocale),
    lines: [t("count", { count: progress.confirmed }), t("goal", { goal: progress.goal })],
    progress: progress.goal > 0 ? Math.min(1, progress.confirmed / progress.goal) : undefined,
    footer: t("footer", { host: host() }),
    locale,
    dir: textDirection(locale),
  };
}

export async function countryCard(locale: string, slug: string, iso3: string): Promise<ShareImageContent | null> {
  const campaign = await getPublicCampaign(slug);
  const history = campaign ? countryHistory(await getVoteRecord(campaign.id), iso3) : null;
  if (!campaign || !history) return null;
  const [t, tv] = [translator(locale, "ShareImage"), translator(locale, "Votes")];
  const shown = await localisedCampaign(campaign, locale);
  // As components/votes/country-name.tsx: the record's name in English, the country's own name in the reader's language otherwise.
  const country = locale === DEFAULT_LOCALE ? history.name : countryName(history.iso3, locale);
  const last = history.steps[history.steps.length - 1];
  // Only an established vote makes a headline; "not recorded by name" is said as such, never guessed.
  const headline =
    last && last.vote !== "UNKNOWN" ? t("countryHeadline", { country, vote: tv(`voteShort.${last.vote}`) }) : t("countryHeadlineUnknown", { country });
  return {
    kicker: shown.title,
    headline,
    lines: history.steps.map((step) => t("countryStage", { body: step.body, year: String(step.date.getUTCFullYear()), vote: tv(`vote.${step.vote}`) })),
    footer: t("footer", { host: host() }),
    locale,
    dir: textDirection(locale),
  };
}

/**
 * The Open Graph and Twitter tags of a page that shares the campaign's card (the campaign page, its
 * votes page): the card's address carries the live count, so a scraper's cached card is replaced when
 * the count moves. `shown` is the campaign in the reader's language (localisedCampaign).
 */
export async function campaignShareMetadata(locale: string, campaign: { id: number; slug: string; goal: number }, shown: { title: string; summary: string }, page: { title: string; path: string }) {
  const { confirmed } = await getPetitionProgress(campaign);
  const t = translator(locale, "ShareImage");
  return shareMetadata({
    title: page.title,
    description: shown.summary,
    url: localised(locale, page.path),
    image: localised(locale, paths.shareImage(campaign.slug, confirmed)),
    alt: t("alt", { title: shown.title, count: confirmed, goal: campaign.goal }),
  });
}

/** The site's own card, for the pages without one of their own (home, privacy): its name and tagline. */
export function siteCard(locale: string): ShareImageContent {
  const [site, t] = [translator(locale, "Site"), translator(locale, "ShareImage")];
  return { kicker: site("name"), headline: site("tagline"), lines: [], footer: t("footer", { host: host() }), locale, dir: textDirection(locale) };
}

/** The Open Graph and Twitter tags of a page without a card of its own: the site's card. */
export function siteShareMetadata(locale: string, input: { title: string; description: string; path: string }) {
  const site = translator(locale, "Site");
  return shareMetadata({ ...input, url: localised(locale, input.path), image: localised(locale, paths.siteShareImage()), alt: `${site("name")}: ${site("tagline")}` });
}

/** Open Graph and Twitter tags for a page with a share image. */
export function shareMetadata(input: { title: string; description: string; url: string; image: string; alt: string }) {
  const images = [{ url: input.image, width: 1200, height: 630, alt: input.alt, type: "image/png" }];
  return {
    openGraph: { type: "website" as const, title: input.title, description: input.description, url: input.url, images },
    twitter: { card: "summary_large_image" as const, title: input.title, description: input.description, images },
  };
}
