import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFonts, woffToSfnt, type FontSet } from "@/lib/sharing/fonts";
import { layoutText, type TextBlock, type TextStyle } from "@/lib/sharing/text-layout";

// The share images' text layout with the bundled fonts: which runs, in which order, on which lines.

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFonts();
});

const style = (overrides: Partial<TextStyle> = {}): TextStyle => ({ sizes: [40], dir: "rtl", lang: "ur", maxWidth: 1056, maxLines: 3, lineHeight: 1.8, ...overrides });
/** Each line's runs, left to right as drawn: their text and direction. */
const runs = (block: TextBlock) => block.lines.map((line) => line.runs.map((run) => [run.text.trim(), run.rtl ? "rtl" : "ltr"]).filter(([text]) => text));

describe("a line of mixed directions", () => {
  it("puts an Urdu label right of its number, the number reading left to right", () => {
    const block = layoutText("ہدف: 5,000", fonts[400], style());
    expect(runs(block)).toEqual([[["5,000", "ltr"], [":", "rtl"], ["ہدف", "rtl"]]]);
  });

  it("keeps an English title in its own order inside an Urdu sentence, which reads from the right", () => {
    const block = layoutText("Stop Killer Robots کی مہم میں شامل ہوں", fonts[400], style());
    expect(runs(block)).toEqual([[["کی مہم میں شامل ہوں", "rtl"], ["Stop Killer Robots", "ltr"]]]);
    const [urdu, english] = block.lines[0]!.runs.filter((run) => run.text.trim());
    expect(english!.x).toBeGreaterThan(urdu!.x); // drawn to the right: read first
    expect(english!.font.name).toBe("Noto Sans");
    expect(urdu!.font.name).toBe("Noto Nastaliq Urdu");
  });

  it("reads English left to right in an English card", () => {
    expect(runs(layoutText("Goal: 5,000", fonts[400], style({ dir: "ltr", lang: "en" })))).toEqual([[["Goal: 5,000", "ltr"]]]);
  });

  it("takes the direction of the campaign's own words from their first letter", () => {
    expect(layoutText("Test campaign", fonts[700], style({ dir: "auto" })).rtl).toBe(false);
    expect(layoutText("مہم: Test", fonts[700], style({ dir: "auto" })).rtl).toBe(true);
  });
});

describe("Urdu shaping", () => {
  it("draws every letter from the Nastaliq font, none missing, joined to its neighbours", () => {
    const block = layoutText("پاکستان نے مخالفت میں ووٹ دیا", fonts[700], style());
    const glyphs = block.lines.flatMap((line) => line.runs.flatMap((run) => run.glyphs));
    expect(glyphs.every((glyph) => glyph.font.name === "Noto Nastaliq Urdu" && glyph.id !== 0)).toBe(true);
    // Joined, the letters take other (narrower) forms than each alone.
    const word = "مخالفت";
    const alone = [...word].map((letter) => layoutText(letter, fonts[700], style()).width);
    expect(layoutText(word, fonts[700], style()).width).toBeLessThan(alone.reduce((sum, width) => sum + width, 0) * 0.8);
  });

  it("reads the bundled WOFF fonts as the OpenType fonts HarfBuzz takes", async () => {
    const file = path.join(process.cwd(), "node_modules/@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff");
    const sfnt = woffToSfnt(await readFile(file));
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000); // TrueType outlines
    expect(() => woffToSfnt(sfnt)).toThrow(/not a WOFF/);
  });
});

describe("lines", () => {
  const sentence = "خودکار ہتھیاروں پر پابندی: طاقت کے استعمال پر انسانی اختیار برقرار رکھنے والا معاہدہ";

  it("break at spaces within the width, the first words on the first line, none lost", () => {
    const block = layoutText(sentence, fonts[700], style({ maxWidth: 500, maxLines: 5 }));
    expect(block.lines.length).toBeGreaterThan(1);
    expect(block.lines.every((line) => line.width <= 500)).toBe(true);
    expect(block.lines.map((line) => line.text).join(" ")).toBe(sentence);
    expect(block.height).toBe(Math.ceil(block.lines.length * 40 * 1.8));
  });

  it("shrink to the next size, then end with an ellipsis when the text still does not fit", () => {
    const shrunk = layoutText(sentence, fonts[700], style({ sizes: [80, 40], maxWidth: 900, maxLines: 2 }));
    expect(shrunk.size).toBe(40);
    expect(shrunk.lines.map((line) => line.text).join(" ")).toBe(sentence);
    const cut = layoutText(sentence, fonts[700], style({ sizes: [40], maxWidth: 500, maxLines: 1 }));
    expect(cut.lines).toHaveLength(1);
    expect(cut.lines[0]!.text).toMatch(/^خودکار .*…$/);
    expect(cut.lines[0]!.width).toBeLessThanOrEqual(500);
    expect(layoutText(sentence, fonts[700], style({ maxWidth: 500, maxLines: 5, maxHeight: 150 })).lines).toHaveLength(2);
  });
});
