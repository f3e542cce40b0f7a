import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { StageCountries } from "@/components/votes/stage-countries";
import { StageTotals } from "@/components/votes/stage-totals";
import { VoteChanges } from "@/components/votes/vote-changes";
import { VoteMap } from "@/components/votes/vote-map";
import { VoteSources } from "@/components/votes/vote-sources";
import { paths } from "@/lib/paths";
import { getVoteRecord } from "@/lib/votes/queries";

/**
 * The vote record on the campaign page: totals, the map, what changed, who voted against, sources.
 * Every country's vote (a table) and the lookup are on the votes page, linked here: the campaign page
 * stays short enough for a phone to load and read quickly.
 */
export async function VoteRecord({ campaignId, slug }: { campaignId: number; slug: string }) {
  const [t, tc, stages] = await Promise.all([getTranslations("Votes"), getTranslations("Campaign"), getVoteRecord(campaignId)]);
  if (stages.length === 0) return null;
  const mapStage = stages.findLast((stage) => stage.namesComplete);
  const first = stages[0]!;
  const last = stages[stages.length - 1]!;
  return (
    <section aria-labelledby="votes-heading" className="vote-record">
      <h2 id="votes-heading">{tc("votesHeading")}</h2>
      <div className="grid-2">
        {stages.map((stage) => (
          <StageTotals key={stage.key} stage={stage} />
        ))}
      </div>
      <p className="votes-links">
        <Link href={`${paths.votes(slug)}#my-country`}>{t("lookupLink")}</Link> · <Link href={paths.votes(slug)}>{t("tableLink")}</Link>
      </p>
      {mapStage && <VoteMap stage={mapStage} slug={slug} />}
      {stages.length > 1 && <VoteChanges earlier={first} later={last} />}
      {stages.map((stage) => (
        <StageCountries key={stage.key} stage={stage} />
      ))}
      <VoteSources stages={stages} />
    </section>
  );
}
