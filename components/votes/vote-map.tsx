import { getLocale, getTranslations } from "next-intl/server";
import { CountryName } from "@/components/votes/country-name";
import { localised, paths } from "@/lib/paths";
import { missingFrom, worldMap } from "@/lib/votes/map";
import { mapVersion } from "@/lib/votes/map-svg";
import { groupByVote, type Stage, type Vote } from "@/lib/votes/results";

const LEGEND: Vote[] = ["YES", "NO", "ABSTAIN", "ABSENT"];

/**
 * The vote of a stage whose record names every member, on a world map (an image; the lists below it
 * name every vote in text). Members too small for the map are listed under it.
 */
export async function VoteMap({ stage, slug }: { stage: Stage; slug: string }) {
  const [t, locale] = await Promise.all([getTranslations("Votes"), getLocale()]);
  const map = worldMap();
  const src = localised(locale, paths.voteMap(slug, stage.key, mapVersion(stage, locale)));
  const missing = missingFrom(map, stage.votes.map((row) => row.iso3));
  const notDrawn = stage.votes.filter((row) => missing.has(row.iso3)).sort((a, b) => a.name.localeCompare(b.name, "en"));
  const counts = groupByVote(stage.votes);
  const symbol = stage.documentSymbol ?? stage.body;
  return (
    <section aria-labelledby="map-heading" className="vote-map">
      <h3 id="map-heading">{t("mapHeading")}</h3>
      <figure>
        {/* A file of its own (lib/votes/map-svg.ts), cached by browsers and CDNs; its words are in alt. */}
        <a href={src} className="map-link">
          {/* next/image would re-encode nothing here (an SVG) and adds a client component. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={src} width={map.width} height={map.height} alt={`${t("mapTitle", { symbol })}. ${t("mapDescription")}`} className="map" decoding="async" loading="lazy" />
        </a>
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
