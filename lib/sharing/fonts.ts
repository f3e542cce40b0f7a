import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { inflateSync } from "node:zlib";
import * as hb from "harfbuzzjs";

// The fonts the share images are drawn with, read from the bundled @fontsource packages (nothing is
// fetched) and opened with HarfBuzz, which shapes what the font engine of next/og cannot: Urdu's
// Nastaliq needs OpenType lookups (chaining contexts, extension substitutions) that it refuses.

export type Weight = 400 | 700;

export type ShapingFont = {
  name: string;
  font: hb.Font;
  /** Font units per em. */
  upem: number;
  /** From the hhea table, in font units: the "normal" line box is ascender - descender. */
  ascender: number;
  descender: number;
  /** Drawn only for the Arabic script (Urdu); the others take everything else. */
  arabic: boolean;
  covers(codePoint: number): boolean;
  /** The glyph's outline as an SVG path, in font units (y up), kept once drawn. */
  path(glyph: number): string;
};

/** For each weight: the Arabic-script font, then the others in the order they are tried. */
export type FontSet = Record<Weight, ShapingFont[]>;

const FILES: Record<Weight, { name: string; file: string; arabic?: true }[]> = {
  400: [
    { name: "Noto Nastaliq Urdu", file: "noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff", arabic: true },
    ...["latin", "latin-ext", "cyrillic", "greek"].map((subset) => ({ name: "Noto Sans", file: `noto-sans/files/noto-sans-${subset}-400-normal.woff` })),
  ],
  700: [
    { name: "Noto Nastaliq Urdu", file: "noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-700-normal.woff", arabic: true },
    ...["latin", "latin-ext", "cyrillic", "greek"].map((subset) => ({ name: "Noto Sans", file: `noto-sans/files/noto-sans-${subset}-700-normal.woff` })),
  ],
};

/**
 * A WOFF 1.0 file as the plain OpenType (sfnt) font it wraps: each table is zlib-compressed on its
 * own. HarfBuzz reads only sfnt, and @fontsource ships WOFF and WOFF2 only.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 font");
  const numTables = woff.readUInt16BE(12);
  const directory = Buffer.alloc(12 + 16 * numTables);
  directory.writeUInt32BE(woff.readUInt32BE(4), 0); // the flavor: TrueType or CFF outlines
  directory.writeUInt16BE(numTables, 4);
  const power = 2 ** Math.floor(Math.log2(numTables));
  directory.writeUInt16BE(power * 16, 6);
  directory.writeUInt16BE(Math.log2(power), 8);
  directory.writeUInt16BE((numTables - power) * 16, 10);
  const tables: Buffer[] = [];
  let offset = directory.length;
  for (let index = 0; index < numTables; index++) {
    const entry = 44 + 20 * index;
    const field = (at: number) => woff.readUInt32BE(entry + at);
    const [tag, start, compressed, length, checksum] = [field(0), field(4), field(8), field(12), field(16)];
    const stored = woff.subarray(start, start + compressed);
    const data = compressed < length ? inflateSync(stored) : stored;
    if (data.length !== length) throw new Error("WOFF table of the wrong length");
    const record = 12 + 16 * index;
    directory.writeUInt32BE(tag, record);
    directory.writeUInt32BE(checksum, record + 4);
    directory.writeUInt32BE(offset, record + 8);
    directory.writeUInt32BE(length, record + 12);
    const padded = Buffer.alloc((length + 3) & ~3); // tables start on 4-byte boundaries
    data.copy(padded);
    tables.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([directory, ...tables]);
}

async function open(spec: { name: string; file: string; arabic?: true }): Promise<ShapingFont> {
  const woff = await readFile(path.join(process.cwd(), "node_modules", "@fontsource", spec.file));
  const face = new hb.Face(new hb.Blob(woffToSfnt(woff)));
  const font = new hb.Font(face);
  const { ascender, descender } = font.hExtents();
  const paths = new Map<number, string>();
  return {
    name: spec.name,
    font,
    upem: face.upem,
    ascender,
    descender,
    arabic: spec.arabic ?? false,
    covers: (codePoint) => font.nominalGlyph(codePoint) !== undefined,
    path(glyph) {
      let outline = paths.get(glyph);
      if (outline === undefined) paths.set(glyph, (outline = font.glyphToPath(glyph)));
      return outline;
    },
  };
}

let fontSet: Promise<FontSet> | undefined;
export function loadFonts(): Promise<FontSet> {
  fontSet ??= (async () => ({ 400: await Promise.all(FILES[400].map(open)), 700: await Promise.all(FILES[700].map(open)) }))().catch((error: unknown) => {
    fontSet = undefined; // a missing file is a deployment fault: the next render tries again
    throw error;
  });
  return fontSet;
}
