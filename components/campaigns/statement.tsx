import { getFormatter, getTranslations } from "next-intl/server";
import { StatementBody } from "@/components/campaigns/statement-body";
import { partialDate } from "@/lib/campaigns/format";
import type { PublicCampaign } from "@/lib/campaigns/queries";
import { textDirectionOf } from "@/lib/i18n/locales";

const PRECISION = {
  year: { year: "numeric" },
  month: { year: "numeric", month: "long" },
  day: { dateStyle: "long" },
} as const;

export async function Statement({ campaign }: { campaign: PublicCampaign & { shownLocale?: string } }) {
  const textLocale = campaign.shownLocale ?? campaign.locale;
  const [t, format] = await Promise.all([getTranslations("Campaign"), getFormatter()]);
  const date = partialDate(campaign.statementDate);
  return (
    <section aria-labelledby="statement-heading" className="statement">
      <h2 id="statement-heading">{t("statementHeading")}</h2>
      <p className="muted">
        {t("by", { organisation: campaign.organisation })}
        {date && (
          <>
            {", "}
            <time dateTime={campaign.statementDate}>{format.dateTime(date.date, PRECISION[date.precision])}</time>
          </>
        )}
      </p>
      <blockquote lang={textLocale} dir={textDirectionOf(textLocale)}>
        <StatementBody markdown={campaign.statement} />
      </blockquote>
      <p className="muted small">
        {campaign.sourceUrl ? (
          <a href={campaign.sourceUrl}>{t("source", { source: campaign.sourceName })}</a>
        ) : (
          t("source", { source: campaign.sourceName })
        )}
      </p>
    </section>
  );
}
