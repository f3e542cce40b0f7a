import type { PublicCampaign } from "@/lib/campaigns/queries";
import { localised, paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

/** schema.org data for search engines. `<` is escaped so that no text can close the script element. */
export function CampaignStructuredData({ campaign, locale }: { campaign: PublicCampaign; locale: string }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "WebPage",
    name: campaign.title,
    description: campaign.summary,
    url: absoluteUrl(localised(locale, paths.campaign(campaign.slug))),
    inLanguage: campaign.locale,
    publisher: { "@type": "Organization", name: campaign.organisation },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
