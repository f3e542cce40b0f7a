import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LinkPending } from "@/components/ui/link-pending";
import { textDirectionOf } from "@/lib/i18n/locales";
import { paths } from "@/lib/paths";

/** `shownLocale`: the language the title and summary are in (a translation's, or the original's). */
type CampaignSummary = { slug: string; title: string; summary: string; organisation: string; shownLocale: string };

export async function CampaignList({ campaigns }: { campaigns: CampaignSummary[] }) {
  const t = await getTranslations("Home");
  if (campaigns.length === 0) return <p>{t("empty")}</p>;
  return (
    <ul className="campaign-list">
      {campaigns.map((campaign) => (
        <li key={campaign.slug} className="card">
          <h2 lang={campaign.shownLocale} dir={textDirectionOf(campaign.shownLocale)}>
            <Link href={paths.campaign(campaign.slug)}>
              {campaign.title}
              <LinkPending />
            </Link>
          </h2>
          <p className="muted">{t("by", { organisation: campaign.organisation })}</p>
          <p lang={campaign.shownLocale} dir={textDirectionOf(campaign.shownLocale)}>
            {campaign.summary}
          </p>
        </li>
      ))}
    </ul>
  );
}
