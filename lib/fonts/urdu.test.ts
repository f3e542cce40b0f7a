import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as hb from "harfbuzzjs";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/fonts/[file]/route";
import { URDU_FONT_CUT, URDU_FONT_FILE, URDU_FONT_GENERATED, URDU_FONT_SOURCE, URDU_FONT_URL, URDU_FONT_VERSION } from "@/lib/fonts/urdu";
import { URDU_CHARACTERS } from "@/lib/fonts/urdu-characters.mjs";

const get = (file: string) => GET(new Request(`http://localhost/fonts/${file}`), { params: Promise.resolve({ file }) });

describe("the Urdu web font", () => {
  it("names the installed package's version, so that an upgrade changes its address", () => {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), "node_modules", "@fontsource", "noto-nastaliq-urdu", "package.json"), "utf8")) as { version: string };
    expect(URDU_FONT_VERSION).toBe(manifest.version);
  });

  it("is the address the stylesheet's @font-face uses", () => {
    const css = readFileSync(path.join(process.cwd(), "app", "[locale]", "globals.css"), "utf8");
    const faces = [...css.matchAll(/@font-face\s*{[^}]*}/g)].map((match) => match[0]);
    expect(faces).toHaveLength(1);
    expect(faces[0]).toContain('font-family: "Noto Nastaliq Urdu"');
    expect(faces[0]).toContain(`url("${URDU_FONT_URL}")`);
  });

  it("is served as the cut WOFF2 file, cached for a year, smaller than the whole one", async () => {
    const response = await get(URDU_FONT_FILE);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("font/woff2");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.toString("latin1", 0, 4)).toBe("wOF2");
    expect(body.equals(readFileSync(path.join(process.cwd(), ...URDU_FONT_GENERATED)))).toBe(true);
    expect(body.length).toBeLessThan(0.8 * readFileSync(path.join(process.cwd(), ...URDU_FONT_SOURCE)).length);
  });

  it("draws every Urdu character of the site's messages and of the seed campaign, not just some", async () => {
    // The cut file's character map, read by HarfBuzz (WOFF2 is decoded by subset-font's own tools).
    const { default: fontverter } = await import("fontverter");
    const sfnt = await fontverter.convert(readFileSync(path.join(process.cwd(), ...URDU_FONT_GENERATED)), "truetype");
    const covered = new Set(new hb.Face(new hb.Blob(sfnt)).collectUnicodes());
    const urdu = (text: string) => new Set([...text].filter((char) => /\p{Script=Arabic}/u.test(char)));
    const messages = readFileSync(path.join(process.cwd(), "messages", "ur.json"), "utf8");
    const missing = [...urdu(messages)].filter((char) => !covered.has(char.codePointAt(0)!));
    expect(missing.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`)).toEqual([]);
    for (const char of URDU_CHARACTERS) if (/\p{Script=Arabic}/u.test(char)) expect(covered.has(char.codePointAt(0)!), `U+${char.codePointAt(0)!.toString(16)}`).toBe(true);
    // Not the whole Arabic script: Sindhi's ڄ and Pashto's ځ are left to the system font.
    expect(covered.has(0x0684)).toBe(false);
    expect(covered.has(0x0681)).toBe(false);
  });

  it("changes its address when the character list changes", () => {
    // If this fails, the list changed: raise URDU_FONT_CUT (a new address, so caches fetch the new
    // file), update globals.css's @font-face, then this hash.
    expect({ cut: URDU_FONT_CUT, list: createHash("sha256").update(URDU_CHARACTERS).digest("hex").slice(0, 16) }).toEqual({ cut: 1, list: "61a4b90bf542e974" });
  });

  it("answers 404 for any other name, and reads no other file", async () => {
    for (const file of ["noto-nastaliq-urdu-arabic-400-1.0.0.woff2", "..%2Fpackage.json", "../../package.json"]) {
      const response = await get(file);
      expect(response.status).toBe(404);
    }
  });
});
