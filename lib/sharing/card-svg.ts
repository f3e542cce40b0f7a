import "server-only";
import type { FontSet } from "@/lib/sharing/fonts";
import type { ShareImageContent } from "@/lib/sharing/share-image";
import { layoutText, type TextBlock, type TextStyle } from "@/lib/sharing/text-layout";

// The share card as one SVG: a background, the progress bar, and every text as the outlines of its
// shaped glyphs (lib/sharing/text-layout.ts), so the rasteriser needs no font and fetches nothing.
// The layout is a column: kicker and headline at the top, the lines, bar and footer at the bottom,
// aligned to the start side of the page's language (the right for Urdu).

export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;
const SIZE = SHARE_IMAGE_SIZE;
const PADDING = { x: 72, y: 64 };
const WIDTH = SIZE.width - 2 * PADDING.x;
const [TOP_GAP, BOTTOM_GAP, FOOTER_GAP, MIN_MIDDLE] = [20, 14, 22, 24];
const COLORS = { background: "#12355b", text: "#ffffff", muted: "#c9d8ea", track: "#0a2340", bar: "#f2c14e" };
const BAR_HEIGHT = 22;

type Role = "kicker" | "headline" | "first" | "line" | "footer";
type RoleStyle = Omit<TextStyle, "dir" | "lang" | "maxWidth"> & { weight: 400 | 700; color: string };
// Nastaliq stacks letters diagonally and needs taller lines than Latin (the site gives it 1.9 to 2.1;
// its ink may reach above and below the line box, which is drawn, not clipped).
const STYLES: Record<"latin" | "nastaliq", Record<Role, RoleStyle>> = {
  latin: {
    kicker: { sizes: [30, 24], maxLines: 1, lineHeight: 1.36, weight: 400, color: COLORS.muted },
    headline: { sizes: [58, 46], maxLines: 3, lineHeight: 1.15, weight: 700, color: COLORS.text },
    first: { sizes: [44, 36], maxLines: 1, lineHeight: 1.36, weight: 700, color: COLORS.text },
    line: { sizes: [32, 26], maxLines: 1, lineHeight: 1.36, weight: 400, color: COLORS.text },
    footer: { sizes: [26, 22], maxLines: 1, lineHeight: 1.36, weight: 400, color: COLORS.muted },
  },
  nastaliq: {
    kicker: { sizes: [30, 24], maxLines: 1, lineHeight: 1.7, weight: 400, color: COLORS.muted },
    headline: { sizes: [54, 44], maxLines: 2, lineHeight: 1.75, weight: 700, color: COLORS.text },
    first: { sizes: [42, 34], maxLines: 1, lineHeight: 1.7, weight: 700, color: COLORS.text },
    line: { sizes: [30, 26], maxLines: 1, lineHeight: 1.7, weight: 400, color: COLORS.text },
    footer: { sizes: [26, 22], maxLines: 1, lineHeight: 1.7, weight: 400, color: COLORS.muted },
  },
};

type Text = { block: TextBlock; color: string };

function text(fonts: FontSet, words: string, role: Role, dir: TextStyle["dir"], lang: string, maxHeight?: number): Text | null {
  if (!words.trim()) return null;
  const style = STYLES[/\p{Script=Arabic}/u.test(words) ? "nastaliq" : "latin"][role];
  const block = layoutText(words, fonts[style.weight], { ...style, dir, lang, maxWidth: WIDTH, maxHeight });
  return { block, color: style.color };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The block's glyphs, its box's top left corner at (left, top), lines aligned to the card's start side. */
function glyphs({ block, color }: Text, left: number, top: number, rtl: boolean): string {
  const paths: string[] = [];
  block.lines.forEach((line, index) => {
    // The line's content (ascent + descent of its fonts) centred in its line box, as CSS does.
    const baseline = top + index * block.lineHeight + (block.lineHeight - line.ascent - line.descent) / 2 + line.ascent;
    const start = rtl ? left + block.width - line.width : left;
    for (const run of line.runs) {
      for (const glyph of run.glyphs) {
        const outline = glyph.font.path(glyph.id);
        if (!outline) continue; // a space
        const scale = Number((block.size / glyph.font.upem).toFixed(5));
        paths.push(`<path transform="translate(${round(start + run.x + glyph.x)} ${round(baseline + glyph.y)}) scale(${scale} ${-scale})" d="${outline}"/>`);
      }
    }
  });
  return `<g fill="${color}">${paths.join("")}</g>`;
}

export function cardSvg(content: ShareImageContent, fonts: FontSet): string {
  const { dir, locale: lang } = content;
  const rtl = dir === "rtl";
  const bottom: { height: number; gap: number; draw: (top: number) => string }[] = [];
  const place = (item: Text | null, gap = BOTTOM_GAP) => {
    if (item) bottom.push({ height: item.block.height, gap, draw: (top) => glyphs(item, rtl ? PADDING.x + WIDTH - item.block.width : PADDING.x, top, rtl) });
  };
  content.lines.forEach((line, index) => place(text(fonts, line, index === 0 ? "first" : "line", dir, lang)));
  if (content.progress !== undefined) {
    const filled = Math.round((WIDTH * Math.max(2, Math.round(content.progress * 100))) / 100);
    bottom.push({
      height: BAR_HEIGHT,
      gap: BOTTOM_GAP,
      draw: (top) =>
        `<rect x="${PADDING.x}" y="${top}" width="${WIDTH}" height="${BAR_HEIGHT}" rx="${BAR_HEIGHT / 2}" fill="${COLORS.track}"/>` +
        `<rect x="${rtl ? PADDING.x + WIDTH - filled : PADDING.x}" y="${top}" width="${filled}" height="${BAR_HEIGHT}" rx="${BAR_HEIGHT / 2}" fill="${COLORS.bar}"/>`,
    });
  }
  place(text(fonts, content.footer, "footer", dir, lang), FOOTER_GAP);
  const bottomHeight = bottom.reduce((sum, item, index) => sum + item.height + (index > 0 ? item.gap : 0), 0);

  // The kicker is the campaign's own words (its organisation or title): its direction is its own.
  const kicker = text(fonts, content.kicker, "kicker", "auto", lang);
  const room = SIZE.height - 2 * PADDING.y - bottomHeight - MIN_MIDDLE - (kicker ? kicker.block.height + TOP_GAP : 0);
  // The headline gets the lines there is room for (at least one): smaller, then cut with an ellipsis.
  const headline = text(fonts, content.headline, "headline", content.headlineDir ?? dir, lang, room);

  const parts = [`<rect width="${SIZE.width}" height="${SIZE.height}" fill="${COLORS.background}"/>`];
  let top = PADDING.y;
  for (const item of [kicker, headline]) {
    if (!item) continue;
    parts.push(glyphs(item, rtl ? PADDING.x + WIDTH - item.block.width : PADDING.x, top, rtl));
    top += item.block.height + TOP_GAP;
  }
  top = SIZE.height - PADDING.y - bottomHeight;
  bottom.forEach((item, index) => {
    if (index > 0) top += item.gap;
    parts.push(item.draw(top));
    top += item.height;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE.width}" height="${SIZE.height}" viewBox="0 0 ${SIZE.width} ${SIZE.height}">${parts.join("")}</svg>`;
}
