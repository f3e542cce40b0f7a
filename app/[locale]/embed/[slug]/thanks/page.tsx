import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CopyLink } from "@/components/sharing/copy-link";
import { copyLinkWords } from "@/components/sharing/copy-link-words";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { localised, paths, type ThanksResult } from "@/lib/paths";
import { campaignLink } from "@/lib/sharing/links";
import { attributionFromSearch } from "@/lib/sharing/referral";

const RESULTS: ThanksResult[] = ["check-email", "mail-failed", "already-signed"];

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { robots: { index: false } };

/** What the widget shows after signing: the same answers as the site, and the signer's own link. */
export default async function EmbedThanksPage({ params, searchParams }: Props) {
  const [{ locale, slug }, search] = await Promise.all([params, searchParams]);
  const campaign = await getPublicCampaign(slug);
  if (!campaign) notFound();
  const result = RESULTS.find((value) => value === search.result) ?? "check-email";
  const { referral } = attributionFromSearch(search);
  const [t, tEmbed, copyWords] = await Promise.all([getTranslations("Petition.thanks"), getTranslations("Embed"), copyLinkWords()]);
  return (
    <div className="embed-widget" role="status">
      <h1>{t(`title-${result}`)}</h1>
      <p>{t(`body-${result}`)}</p>
      {referral && (
        <>
          <h2>{t("personalHeading")}</h2>
          <p className="small">{t("personalBody")}</p>
          <CopyLink url={campaignLink(locale, campaign.slug, { referral })} words={copyWords} />
        </>
      )}
      <p>
        <a href={localised(locale, paths.campaign(campaign.slug))} target="_blank" rel="noopener">
          {tEmbed("readMore")}
        </a>
      </p>
    </div>
  );
}
