import { getTranslations } from "next-intl/server";
import { CountryName } from "@/components/votes/country-name";
import { missingFrom, worldMap } from "@/lib/votes/map";
import { groupByVote, type Stage, type Vote } from "@/lib/votes/results";

const LEGEND: Vote[] = ["YES", "NO", "ABSTAIN", "ABSENT"];

/**
 * The vote of a stage whose record names every member, drawn on a world map rendered on the server.
 * Every shape has an accessible name with its vote; members too small for the map are listed below it.
 */
export async function VoteMap({ stage }: { stage: Stage }) {
  const t = await getTranslations("Votes");
  const map = worldMap();
  const votes = new Map(stage.votes.map((row) => [row.iso3, row]));
  const missing = missingFrom(map, stage.votes.map((row) => row.iso3));
  const notDrawn = stage.votes.filter((row) => missing.has(row.iso3)).sort((a, b) => a.name.localeCompare(b.name, "en"));
  const counts = groupByVote(stage.votes);
  const symbol = stage.documentSymbol ?? stage.body;
  return (
    <section aria-labelledby="map-heading" className="vote-map">
      <h3 id="map-heading">{t("mapHeading")}</h3>
      <figure>
        <svg viewBox={`0 0 ${map.width} ${map.height}`} role="img" aria-labelledby="map-title map-desc" className="map">
          <title id="map-title">{t("mapTitle", { symbol })}</title>
          <desc id="map-desc">{t("mapDescription")}</desc>
          {map.shapes.map((shape, index) => {
            const row = shape.iso3 ? votes.get(shape.iso3) : undefined;
            const label = row
              ? t("mapShape", { name: row.name, vote: t(`voteShort.${row.vote}`) })
              : t("mapNonMember", { name: shape.mapName });
            return (
              <path key={index} d={shape.d} className={row ? `vote-${row.vote.toLowerCase()}` : "non-member"}>
                <title>{label}</title>
              </path>
            );
          })}
        </svg>
        <figcaption>
          <ul className="legend" aria-label={t("legendHeading")}>
            {LEGEND.map((vote) => (
              <li key={vote}>
                <span className={`swatch vote-${vote.toLowerCase()}`} aria-hidden="true" />
                {t(`vote.${vote}`)} ({counts[vote].length})
              </li>
            ))}
          </ul>
        </figcaption>
      </figure>
      {notDrawn.length > 0 && (
        <section className="not-on-map" aria-labelledby="not-on-map-heading">
          <h4 id="not-on-map-heading">{t("notOnMapHeading")}</h4>
          <p>{t("notOnMapIntro", { count: notDrawn.length })}</p>
          <ul className="columns">
            {notDrawn.map((row) => (
              <li key={row.iso3}>
                <CountryName iso3={row.iso3} name={row.name} />: {t(`voteShort.${row.vote}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
