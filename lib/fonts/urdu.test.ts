import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/fonts/[file]/route";
import { URDU_FONT_FILE, URDU_FONT_SOURCE, URDU_FONT_URL, URDU_FONT_VERSION } from "@/lib/fonts/urdu";

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

  it("is served as the bundled WOFF2 file, cached for a year", async () => {
    const response = await get(URDU_FONT_FILE);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("font/woff2");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.toString("latin1", 0, 4)).toBe("wOF2");
    expect(body.equals(readFileSync(path.join(process.cwd(), "node_modules", ...URDU_FONT_SOURCE)))).toBe(true);
  });

  it("answers 404 for any other name, and reads no other file", async () => {
    for (const file of ["noto-nastaliq-urdu-arabic-400-1.0.0.woff2", "..%2Fpackage.json", "../../package.json"]) {
      const response = await get(file);
      expect(response.status).toBe(404);
    }
  });
});
