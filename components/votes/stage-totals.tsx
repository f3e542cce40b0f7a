import { getFormatter, getTranslations } from "next-intl/server";
import type { Stage } from "@/lib/votes/results";

const PARTS = [
  ["YES", "yes"],
  ["NO", "no"],
  ["ABSTAIN", "abstain"],
  ["ABSENT", "notVoting"],
] as const;

/** The official totals of one stage, as numbers and as a bar. */
export async function StageTotals({ stage }: { stage: Stage }) {
  const [t, format] = await Promise.all([getTranslations("Votes"), getFormatter()]);
  const members = stage.yes + stage.no + stage.abstain + stage.notVoting;
  const headingId = `totals-${stage.key}`;
  return (
    // Not a named region: its heading is the stage's, which also names that stage's list of countries,
    // and two landmarks of one name cannot be told apart (axe's landmark-unique).
    <section className="card stage-totals">
      <h3 id={headingId}>{t("stageHeading", { body: stage.body, date: format.dateTime(stage.date, { dateStyle: "long" }) })}</h3>
      <p className="muted small">
        {[stage.meeting, stage.documentSymbol && t("document", { symbol: stage.documentSymbol })].filter(Boolean).join(" · ")}
      </p>
      <div className="vote-bar" aria-hidden="true">
        {PARTS.map(([vote, field]) => (
          <span key={vote} className={`vote-bar-part vote-${vote.toLowerCase()}`} style={{ inlineSize: `${(100 * stage[field]) / members}%` }} />
        ))}
      </div>
      <dl className="totals" aria-label={t("totalsLabel")}>
        {PARTS.map(([vote, field]) => (
          <div key={vote} className="total">
            <dt>
              <span className={`swatch vote-${vote.toLowerCase()}`} aria-hidden="true" />
              {t(`vote.${vote}`)}
            </dt>
            <dd>{format.number(stage[field])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
