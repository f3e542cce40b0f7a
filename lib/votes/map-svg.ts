import "server-only";
import { createHash } from "node:crypto";
import { translator } from "@/lib/i18n/catalogs";
import { worldMap } from "@/lib/votes/map";
import type { Stage } from "@/lib/votes/results";

// The vote map as a standalone SVG file. The campaign page shows it with <img> rather than inline:
// inline, its ~120 KB of outlines were sent twice in every page (HTML and React's payload) and rendered
// on every request; as a file, a browser or CDN fetches it once per version. Each shape keeps its
// <title> (name and vote), shown on hover when the file is opened on its own; the page lists every
// vote in text beside it.

const COLORS = { yes: "#0072b2", no: "#d55e00", abstain: "#e69f00", absent: "#8a8a8a", unknown: "#ffffff", "non-member": "#e9ecef" };

/** Changes whenever the map would: the stage's votes, or the wording. */
export function mapVersion(stage: Stage, locale: string): string {
  const votes = stage.votes.map((row) => `${row.iso3}:${row.vote}:${row.name}`).sort().join(",");
  return createHash("sha256").update(`${locale}|${stage.documentSymbol}|${stage.body}|${votes}`).digest("base64url").slice(0, 12);
}

const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function mapSvg(stage: Stage, locale: string): string {
  const t = translator(locale, "Votes");
  const map = worldMap();
  const votes = new Map(stage.votes.map((row) => [row.iso3, row]));
  const style = Object.entries(COLORS)
    .map(([name, color]) => `.${name === "non-member" ? name : `vote-${name}`}{fill:${color}}`)
    .join("");
  const paths = map.shapes.map((shape) => {
    const row = shape.iso3 ? votes.get(shape.iso3) : undefined;
    const label = row ? t("mapShape", { name: row.name, vote: t(`voteShort.${row.vote}`) }) : t("mapNonMember", { name: shape.mapName });
    return `<path d="${shape.d}" class="${row ? `vote-${row.vote.toLowerCase()}` : "non-member"}"><title>${escape(label)}</title></path>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" width="${map.width}" height="${map.height}" role="img" aria-labelledby="t d">`,
    `<title id="t">${escape(t("mapTitle", { symbol: stage.documentSymbol ?? stage.body }))}</title>`,
    `<desc id="d">${escape(t("mapDescription"))}</desc>`,
    `<style>path{stroke:#fff;stroke-width:.5}path:hover{stroke:#1a1a1a;stroke-width:1}${style}</style>`,
    `<rect width="100%" height="100%" fill="#f8fbfd"/>`,
    ...paths,
    "</svg>",
  ].join("\n");
}
