import { Link } from "@/components/ui/link";
import { textDirectionOf } from "@/lib/i18n/locales";
import { paths } from "@/lib/paths";

/** Above a campaign's own pages (votes, a country): the campaign's title, in its language, linking back. */
export function CampaignLink({ campaign }: { campaign: { slug: string; title: string; shownLocale: string } }) {
  return (
    <p className="muted">
      <Link href={paths.campaign(campaign.slug)} lang={campaign.shownLocale} dir={textDirectionOf(campaign.shownLocale)}>
        {campaign.title}
      </Link>
    </p>
  );
}
