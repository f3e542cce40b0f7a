import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localised, paths, type ThanksResult } from "@/lib/paths";
import { CONFIRM_TOKEN_DAYS } from "@/lib/petition/tokens";

// Per visitor (a token, a result, a session): rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

const RESULTS: ThanksResult[] = ["check-email"];

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { robots: { index: false } };

/** What the widget shows after signing: the same answer as the site, for every address. */
export default async function EmbedThanksPage({ params, searchParams }: Props) {
  const [{ locale, slug }, search] = await Promise.all([params, searchParams]);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const result = RESULTS.find((value) => value === search.result) ?? "check-email";
  const [t, tEmbed] = await Promise.all([getTranslations("Petition.thanks"), getTranslations("Embed")]);
  return (
    <div className="embed-widget" role="status">
      <h1>{t(`title-${result}`)}</h1>
      <p>{t(`body-${result}`, { days: CONFIRM_TOKEN_DAYS })}</p>
      <p>
        <a href={localised(locale, paths.campaign(campaign.slug))} target="_blank" rel="noopener">
          {tEmbed("readMore")}
        </a>
      </p>
    </div>
  );
}
