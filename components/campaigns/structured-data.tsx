import type { PublicCampaign } from "@/lib/campaigns/queries";
import { localised, paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

/**
 * schema.org data for search engines: the page (in the language it shows the campaign in), who
 * publishes it, and the statement it presents (its author, date and source). `<` is escaped so that
 * no text can close the script element.
 */
export function CampaignStructuredData({ campaign, locale }: { campaign: PublicCampaign & { shownLocale: string }; locale: string }) {
  const organisation = { "@type": "Organization", name: campaign.organisation };
  const data = {
    "@context": "https://schema.org",
    "@type": "WebPage",
    name: campaign.title,
    description: campaign.summary,
    url: absoluteUrl(localised(locale, paths.campaign(campaign.slug))),
    inLanguage: campaign.shownLocale,
    dateModified: campaign.updatedAt.toISOString(),
    publisher: organisation,
    mainEntity: {
      "@type": "CreativeWork",
      name: campaign.title,
      author: organisation,
      datePublished: campaign.statementDate,
      ...(campaign.sourceUrl ? { isBasedOn: campaign.sourceUrl } : {}),
    },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
