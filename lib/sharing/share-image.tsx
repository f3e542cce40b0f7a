import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { withPngText } from "@/lib/sharing/png-text";

// Share images (1200x630 PNG, Open Graph and Twitter cards): rendered by next/og (satori + resvg)
// with fonts read from the bundled @fontsource packages, so nothing is fetched from the internet.
// Urdu cannot be drawn yet: satori's font engine refuses the OpenType substitutions every Urdu font
// needs (Noto Naskh Arabic: "lookupType 5 substFormat 3", Noto Nastaliq Urdu: "lookupType 7"), and
// without one it would try to fetch a font from the internet and leave blanks. Cards are drawn in the
// languages of DRAWN_LOCALES only; the others get the English card (`cardLocale`).
const DRAWN_LOCALES = new Set(["en"]);

/** The language a page's share card is drawn in: its own when the font engine can draw it, else English. */
export function cardLocale(locale: string): string {
  return DRAWN_LOCALES.has(locale) ? locale : "en";
}

// Rendering takes tens of milliseconds and a rush of scrapers asks for the same image many times a
// second: each image is kept in memory and rendered again only when
// its words change, and then at most once every REFRESH_MS (so the count shown is at most that old).

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;
export const REFRESH_MS = 10_000;
const MAX_ENTRIES = 200;

export type ShareImageContent = {
  /** A small line above the headline (the organisation, or the campaign for a country card). */
  kicker: string;
  headline: string;
  /** Lines under the headline: the count and goal, or a country's votes. */
  lines: string[];
  /** 0..1: a progress bar; absent: none. */
  progress?: number;
  /** The site's address, bottom right. */
  footer: string;
  locale: string;
  dir: "ltr" | "rtl";
};

type FontSpec = { name: string; file: string; weight: 400 | 700 };
const FONT_FILES: FontSpec[] = [
  { name: "Noto Sans", file: "noto-sans/files/noto-sans-latin-400-normal.woff", weight: 400 },
  { name: "Noto Sans", file: "noto-sans/files/noto-sans-latin-700-normal.woff", weight: 700 },
];

let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: "normal" }[]> | undefined;
function loadFonts() {
  fonts ??= Promise.all(
    FONT_FILES.map(async (font) => ({
      name: font.name,
      weight: font.weight,
      style: "normal" as const,
      data: await readFile(path.join(process.cwd(), "node_modules", "@fontsource", font.file)),
    })),
  );
  return fonts;
}

function ShareCard({ content }: { content: ShareImageContent }) {
  const align = content.dir === "rtl" ? "flex-end" : "flex-start";
  return (
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        alignItems: align,
        padding: "64px 72px",
        background: "#12355b",
        color: "#ffffff",
        fontFamily: "Noto Sans",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", alignItems: align, gap: 20 }}>
        <div style={{ fontSize: 30, color: "#c9d8ea" }}>{content.kicker}</div>
        <div style={{ fontSize: content.headline.length > 90 ? 46 : 58, fontWeight: 700, lineHeight: 1.15, textAlign: content.dir === "rtl" ? "right" : "left" }}>
          {content.headline}
        </div>
      </div>
      <div style={{ display: "flex", flexDirection: "column", alignItems: align, gap: 14, width: "100%" }}>
        {content.lines.map((line, index) => (
          <div key={index} style={{ fontSize: index === 0 ? 44 : 32, fontWeight: index === 0 ? 700 : 400 }}>
            {line}
          </div>
        ))}
        {content.progress !== undefined && (
          <div style={{ display: "flex", width: "100%", height: 22, background: "#0a2340", borderRadius: 11, justifyContent: align }}>
            <div style={{ width: `${Math.max(2, Math.round(content.progress * 100))}%`, height: 22, background: "#f2c14e", borderRadius: 11 }} />
          </div>
        )}
        <div style={{ fontSize: 26, color: "#c9d8ea", marginTop: 8 }}>{content.footer}</div>
      </div>
    </div>
  );
}

async function render(content: ShareImageContent): Promise<Buffer> {
  const response = new ImageResponse(<ShareCard content={content} />, { ...SHARE_IMAGE_SIZE, fonts: await loadFonts() });
  const png = Buffer.from(await response.arrayBuffer());
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
