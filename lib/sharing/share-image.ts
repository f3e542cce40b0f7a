import "server-only";
import sharp from "sharp";
import { cardSvg } from "@/lib/sharing/card-svg";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";
import { loadFonts } from "@/lib/sharing/fonts";
import { withPngText } from "@/lib/sharing/png-text";

// Share images (1200x630 PNG, Open Graph and Twitter cards), in the page's language. Every text is
// laid out and shaped by HarfBuzz with the bundled fonts (lib/sharing/text-layout.ts), the card is
// drawn as an SVG of glyph outlines (lib/sharing/card-svg.ts) and sharp turns it into a PNG: no font
// is needed at that point and nothing is fetched. next/og is not used: its font engine (satori's
// opentype.js) refuses the OpenType lookups every Urdu font needs (Noto Naskh Arabic: "lookupType 5
// substFormat 3", Noto Nastaliq Urdu: "lookupType 7"), would fetch a font from the internet for a
// glyph its fonts lack, and took several times longer. docs/decisions/018-urdu-share-images.md

/** The language a page's share card is drawn in: the page's own, any of the site's (an unknown one: the default, never a cache entry of its own). */
export function cardLocale(locale: string): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

// Rendering takes tens of milliseconds and a rush of scrapers asks for the same image many times a
// second: each image is kept in memory and rendered again only when
// its words change, and then at most once every REFRESH_MS (so the count shown is at most that old).

export const REFRESH_MS = 10_000;
const MAX_ENTRIES = 200;

export type ShareImageContent = {
  /** A small line above the headline (the organisation, or the campaign for a country card). */
  kicker: string;
  headline: string;
  /** The headline's own direction when it is the campaign's words (a title in its original language). */
  headlineDir?: "ltr" | "rtl";
  /** Lines under the headline: the count and goal, or a country's votes. */
  lines: string[];
  /** 0..1: a progress bar; absent: none. */
  progress?: number;
  /** The site's address, bottom right. */
  footer: string;
  locale: string;
  dir: "ltr" | "rtl";
};

async function render(content: ShareImageContent): Promise<Buffer> {
  const svg = cardSvg(content, await loadFonts());
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  return withPngText(png, "Description", [content.headline, ...content.lines].join("\n"));
}

type Entry = { words: string; png: Buffer; renderedAt: number };
const entries = new Map<string, Entry>();
const inflight = new Map<string, Promise<Buffer | null>>();

/**
 * The image for `key` (e.g. "campaign:claas-2015:en"). `content` is only called when the kept image
 * is older than REFRESH_MS (null when there is nothing public to show), so a rush costs neither database reads nor renders; concurrent requests
 * for a stale image share one refresh.
 */
export async function shareImage(key: string, content: () => Promise<ShareImageContent | null>, now = Date.now()): Promise<Buffer | null> {
  const kept = entries.get(key);
  if (kept && now - kept.renderedAt < REFRESH_MS) return kept.png;
  const running = inflight.get(key);
  if (running) return running;
  const refresh = (async () => {
    const next = await content();
    if (!next) {
      entries.delete(key); // no longer public: nothing is kept
      return null;
    }
    const words = JSON.stringify(next);
    const png = kept && kept.words === words ? kept.png : await render(next);
    return remember(key, { words, png, renderedAt: now });
  })();
  inflight.set(key, refresh);
  try {
    return await refresh;
  } finally {
    inflight.delete(key);
  }
}

function remember(key: string, entry: Entry): Buffer {
  entries.delete(key); // re-inserted last: the Map's order is the eviction order
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return entry.png;
}

/** Headers for a CDN: shared caches keep it a minute and may serve it stale while they refresh. */
export const SHARE_IMAGE_HEADERS = {
  "Content-Type": "image/png",
  "Cache-Control": "public, max-age=60, s-maxage=60, stale-while-revalidate=600",
} as const;
