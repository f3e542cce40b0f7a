import "server-only";
import bidiFactory from "bidi-js";
import * as hb from "harfbuzzjs";
import type { ShapingFont } from "@/lib/sharing/fonts";

// Text for the share images, laid out here rather than by next/og (whose font engine cannot shape
// Urdu): the Unicode bidirectional algorithm gives each character its level, each run of one level and
// one font is shaped by HarfBuzz in its own direction, lines break at spaces where the shaped advances
// no longer fit, and each line's runs are put in visual order (UAX #9, rule L2). An English title or a
// number inside an Urdu line thus reads left to right within its right-to-left line.

const bidi = bidiFactory();
const ARABIC = /\p{Script=Arabic}/u;
/** Spaces, digits, punctuation, combining marks: drawn in the font of what precedes them when it can. */
const INHERITS = /[\p{Script=Common}\p{Script=Inherited}]/u;

export type TextStyle = {
  /** Sizes in px to try, largest first: the first at which the text fits in maxLines is used. */
  sizes: number[];
  /** The paragraph's direction; "auto" takes it from the first letter (the campaign's own words). */
  dir: "ltr" | "rtl" | "auto";
  /** The language (BCP 47), for the fonts' language-specific forms. */
  lang: string;
  maxWidth: number;
  maxLines: number;
  /** Fewer lines when that many would be taller. */
  maxHeight?: number;
  /** The line box, in ems. */
  lineHeight: number;
};

export type PlacedGlyph = { font: ShapingFont; id: number; x: number; y: number };
/** A run of one direction and one font; x is from the line's left edge, glyphs from the run's. */
export type Run = { text: string; rtl: boolean; font: ShapingFont; x: number; width: number; glyphs: PlacedGlyph[] };
/** One line, its runs in visual order (left to right). */
export type Line = { text: string; width: number; runs: Run[]; ascent: number; descent: number };
export type TextBlock = { lines: Line[]; size: number; rtl: boolean; lineHeight: number; width: number; height: number };

type Paragraph = { text: string; lang: string; rtl: boolean; levels: Uint8Array; fonts: ShapingFont[] };

function paragraph(text: string, fonts: ShapingFont[], dir: TextStyle["dir"], lang: string): Paragraph {
  const { levels, paragraphs } = bidi.getEmbeddingLevels(text, dir === "auto" ? undefined : dir);
  const rtl = ((paragraphs[0]?.level ?? (dir === "rtl" ? 1 : 0)) & 1) === 1;
  return { text, lang, rtl, levels, fonts: fontPerCharacter(text, fonts) };
}

/** The font each UTF-16 unit of `text` is drawn in: Arabic script in the Arabic font, the rest in the first that has it. */
function fontPerCharacter(text: string, fonts: ShapingFont[]): ShapingFont[] {
  const latin = fonts.filter((font) => !font.arabic);
  const arabic = fonts.filter((font) => font.arabic);
  const chosen: ShapingFont[] = [];
  let previous: ShapingFont | undefined;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const covering = (list: ShapingFont[]) => list.find((font) => font.covers(codePoint));
    const font =
      (INHERITS.test(character) && previous?.covers(codePoint) ? previous : undefined) ??
      (ARABIC.test(character) ? covering(arabic) : undefined) ??
      covering(latin) ??
      covering(arabic) ??
      previous ??
      latin[0]!; // nobody has it: the font's own "missing" box, never a download
    for (let unit = 0; unit < character.length; unit++) chosen.push(font);
    previous = font;
  }
  return chosen;
}

function shape(p: Paragraph, start: number, end: number, rtl: boolean, font: ShapingFont, scale: number): Run {
  const buffer = new hb.Buffer();
  // The whole paragraph goes in as context (Arabic letters join across a run's edge); only the run is shaped.
  buffer.addText(p.text, start, end - start);
  buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
  buffer.setLanguage(p.lang);
  buffer.guessSegmentProperties();
  hb.shape(font.font, buffer);
  let x = 0;
  const glyphs: PlacedGlyph[] = [];
  for (const glyph of buffer.getGlyphInfosAndPositions()) {
    glyphs.push({ font, id: glyph.codepoint, x: x + (glyph.xOffset ?? 0) * scale, y: -(glyph.yOffset ?? 0) * scale });
    x += (glyph.xAdvance ?? 0) * scale;
  }
  return { text: p.text.slice(start, end), rtl, font, x: 0, width: x, glyphs };
}

/** The characters start..end (a line, spaces at its ends left out) shaped and in visual order. */
function layoutLine(p: Paragraph, start: number, end: number, size: number): Line {
  const pieces: { start: number; end: number; level: number; font: ShapingFont }[] = [];
  for (let index = start; index < end; index++) {
    const [level, font] = [p.levels[index]!, p.fonts[index]!];
    const last = pieces[pieces.length - 1];
    if (last && last.level === level && last.font === font) last.end = index + 1;
    else pieces.push({ start: index, end: index + 1, level, font });
  }
  // Rule L2: from the highest level to the lowest odd one, reverse every stretch at that level or higher.
  const levels = pieces.map((piece) => piece.level);
  const lowestOdd = Math.min(...levels.map((level) => (level & 1 ? level : level + 1)));
  for (let level = Math.max(...levels); level >= lowestOdd; level--) {
    for (let index = 0; index < pieces.length; ) {
      if (pieces[index]!.level < level) {
        index++;
        continue;
      }
      let stop = index;
      while (stop < pieces.length && pieces[stop]!.level >= level) stop++;
      pieces.splice(index, stop - index, ...pieces.slice(index, stop).reverse());
      index = stop;
    }
  }
  let x = 0;
  const runs = pieces.map((piece) => {
    const run = shape(p, piece.start, piece.end, (piece.level & 1) === 1, piece.font, size / piece.font.upem);
    run.x = x;
    x += run.width;
    return run;
  });
  const fonts = runs.length > 0 ? runs.map((run) => run.font) : p.fonts.slice(0, 1);
  return {
    text: p.text.slice(start, end),
    width: x,
    runs,
    ascent: Math.max(...fonts.map((font) => (font.ascender / font.upem) * size)),
    descent: Math.max(...fonts.map((font) => (-font.descender / font.upem) * size)),
  };
}

type Word = { start: number; end: number; /** In ems: the word alone, and with the spaces after it. */ width: number; advance: number };

/** Each word's width in ems (shaping scales linearly with the size, so once per text is enough). */
function measureWords(p: Paragraph): Word[] {
  const spans = [...p.text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  return spans.map((span, index) => {
    const width = layoutLine(p, span.start, span.end, 1).width;
    const next = spans[index + 1];
    return { ...span, width, advance: next ? width + layoutLine(p, span.end, next.start, 1).width : width };
  });
}

/** Greedy breaking: each line takes the words that fit in `maxEms` (a word longer than that gets a line of its own). */
function breakWords(words: Word[], maxEms: number): [number, number][] {
  const lines: [number, number][] = [];
  for (let first = 0; first < words.length; ) {
    let [last, width] = [first, words[first]!.width];
    while (last + 1 < words.length) {
      const longer = width - words[last]!.width + words[last]!.advance + words[last + 1]!.width;
      if (longer > maxEms) break;
      [last, width] = [last + 1, longer];
    }
    lines.push([first, last]);
    first = last + 1;
  }
  return lines;
}

const widthOf = (words: Word[], [first, last]: [number, number]) => words.slice(first, last).reduce((sum, word) => sum + word.advance, 0) + words[last]!.width;

/**
 * `text` laid out in at most style.maxLines lines of style.maxWidth (and style.maxHeight): at the
 * largest size it fits at, else at the smallest, cut at a word with an ellipsis (and scaled down if
 * one word is still too wide).
 */
export function layoutText(text: string, fonts: ShapingFont[], style: TextStyle): TextBlock {
  const clean = text.replace(/\s+/g, " ").trim();
  let p = paragraph(clean, fonts, style.dir, style.lang);
  let words = measureWords(p);
  const linesAt = (size: number) => Math.max(1, Math.min(style.maxLines, Math.floor((style.maxHeight ?? Infinity) / (size * style.lineHeight))));
  const fits = (size: number) => {
    const lines = breakWords(words, style.maxWidth / size);
    return lines.length <= linesAt(size) && lines.every((line) => widthOf(words, line) * size <= style.maxWidth);
  };
  let size = style.sizes.find(fits) ?? style.sizes[style.sizes.length - 1]!;
  let lines = breakWords(words, style.maxWidth / size);
  if (lines.length > linesAt(size)) {
    // The most words that still fit, followed by an ellipsis (fewer words never take more lines).
    const ellipsis = layoutLine(paragraph("…", fonts, style.dir, style.lang), 0, 1, 1).width;
    const fitsWith = (count: number) => {
      const kept = words.slice(0, count).map((word, index) => (index === count - 1 ? { ...word, width: word.width + ellipsis } : word));
      return breakWords(kept, style.maxWidth / size).length <= linesAt(size);
    };
    let count = words.length - 1;
    while (count > 1 && !fitsWith(count)) count--;
    p = paragraph(`${clean.slice(0, words[count - 1]!.end)}…`, fonts, style.dir, style.lang);
    words = measureWords(p);
    lines = breakWords(words, style.maxWidth / size).slice(0, linesAt(size));
  }
  const widest = Math.max(0, ...lines.map((line) => widthOf(words, line) * size));
  if (widest > style.maxWidth) size = Math.floor((size * style.maxWidth) / widest);
  const laid = lines.map(([first, last]) => layoutLine(p, words[first]!.start, words[last]!.end, size));
  const lineHeight = size * style.lineHeight;
  return {
    lines: laid,
    size,
    rtl: p.rtl,
    lineHeight,
    width: Math.ceil(Math.max(0, ...laid.map((line) => line.width))),
    height: Math.ceil(lineHeight * laid.length),
  };
}
