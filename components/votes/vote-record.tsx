import { getTranslations } from "next-intl/server";
import { CountryLookup } from "@/components/votes/country-lookup";
import { StageCountries } from "@/components/votes/stage-countries";
import { StageTotals } from "@/components/votes/stage-totals";
import { VoteChanges } from "@/components/votes/vote-changes";
import { VoteMap } from "@/components/votes/vote-map";
import { VoteSources } from "@/components/votes/vote-sources";
import { getVoteRecord } from "@/lib/votes/queries";

/** The whole vote record of a campaign: totals, map, lookup, changes, every named vote, sources. */
export async function VoteRecord({ campaignId, slug, selectedCountry }: { campaignId: number; slug: string; selectedCountry?: string }) {
  const [t, stages] = await Promise.all([getTranslations("Campaign"), getVoteRecord(campaignId)]);
  if (stages.length === 0) return null;
  const mapStage = stages.findLast((stage) => stage.namesComplete);
  const first = stages[0]!;
  const last = stages[stages.length - 1]!;
  return (
    <section aria-labelledby="votes-heading" className="vote-record">
      <h2 id="votes-heading">{t("votesHeading")}</h2>
      <div className="grid-2">
        {stages.map((stage) => (
          <StageTotals key={stage.key} stage={stage} />
        ))}
      </div>
      <CountryLookup slug={slug} stages={stages} selected={selectedCountry} />
      {mapStage && <VoteMap stage={mapStage} slug={slug} />}
      {stages.length > 1 && <VoteChanges earlier={first} later={last} />}
      {stages.map((stage) => (
        <StageCountries key={stage.key} stage={stage} />
      ))}
      <VoteSources stages={stages} />
    </section>
  );
}
