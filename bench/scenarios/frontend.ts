// What a visitor's browser downloads and how fast the page is for them: the campaign page's first-load
// JavaScript (every <script src> chunk of its HTML, each gzipped) and its HTML, against the simplest
// page (/privacy, no database) in the same build. Lighthouse's scores are the lighthouse scenario's.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { Context } from "../lib/context";
import { get } from "../lib/load";
import { campaignPath } from "../lib/site-paths";

const SCENARIO = "frontend";
const STATIC_PAGE = "/privacy";

export async function frontend(ctx: Context): Promise<void> {
  const campaign = `${ctx.app.url}${campaignPath(ctx.prefix, ctx.environment.slug)}`;
  const staticPath = `${ctx.prefix}${STATIC_PAGE}`;
  const staticPage = `${ctx.app.url}${staticPath}`;

  const [campaignJs, staticJs] = [await firstLoadJs(ctx.app.url, campaign), await firstLoadJs(ctx.app.url, staticPage)];
  ctx.figure({
    scenario: SCENARIO,
    measure: `campaign page first-load JS, gzipped (${campaignJs.files} files)`,
    value: campaignJs.gzipKb,
    unit: "KB",
    baseline: { label: `${staticPath}, ${staticJs.files} files`, value: staticJs.gzipKb },
    goal: { text: "≤ 170 KB", met: campaignJs.gzipKb <= 170 },
  });
  ctx.figure({ scenario: SCENARIO, measure: "campaign page HTML, gzipped", value: campaignJs.htmlGzipKb, unit: "KB", baseline: { label: staticPath, value: staticJs.htmlGzipKb } });
  const nextOwn = nextFirstLoadKb("/c/[slug]");
  ctx.note(
    SCENARIO,
    `HTML uncompressed: campaign page ${campaignJs.htmlKb.toFixed(0)} KB, ${staticPath} ${staticJs.htmlKb.toFixed(0)} KB; JavaScript uncompressed: ${campaignJs.rawKb.toFixed(0)} KB and ${staticJs.rawKb.toFixed(0)} KB` +
      `${nextOwn === null ? "" : ` (next build's own count for /c/[slug], .next/diagnostics/route-bundle-stats.json: ${nextOwn.toFixed(0)} KB uncompressed)`}.`,
  );

  // Lighthouse's scores, against the same baseline page, are the lighthouse scenario's (issue 9).
}

async function firstLoadJs(origin: string, url: string) {
  const html = await get(url);
  // `nomodule` scripts (Next's polyfills) are neither fetched nor run by browsers that support modules.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule/i.test(tag));
  const sources = [...new Set(tags.map((tag) => /\ssrc="([^"]+)"/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)))];
  let raw = 0;
  let gzip = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, origin))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024, htmlKb: Buffer.byteLength(html) / 1024, htmlGzipKb: gzipSync(html).length / 1024 };
}

/** next build's own first-load figure for a route (uncompressed), when this Next.js version writes it. */
function nextFirstLoadKb(route: string): number | null {
  try {
    const stats = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "diagnostics", "route-bundle-stats.json"), "utf8")) as { route: string; firstLoadUncompressedJsBytes: number }[];
    // The route may sit under a dynamic segment (/[locale]/c/[slug]).
    const found = stats.find((entry) => entry.route === route || entry.route.endsWith(route));
    return found ? found.firstLoadUncompressedJsBytes / 1024 : null;
  } catch {
    return null;
  }
}
