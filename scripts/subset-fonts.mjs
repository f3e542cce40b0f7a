// Cuts the Urdu web font down to what Urdu text needs (lib/fonts/urdu-characters.mjs) and writes it as
// WOFF2 to lib/generated/fonts/, which app/fonts/[file]/route.ts serves. Run after install (package.json
// postinstall): the result follows from the installed font package and the character list alone. The
// whole Arabic-script file is 159 KB; Urdu pages wait for it before their largest text is drawn in
// Nastaliq (Lighthouse, mobile: LCP). subset-font runs HarfBuzz's hb-subset in WebAssembly, keeping
// every glyph the font's shaping rules can reach from the kept characters (Nastaliq's ligatures).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import subsetFont from "subset-font";
import { URDU_CHARACTERS } from "../lib/fonts/urdu-characters.mjs";

const source = path.join("node_modules", "@fontsource", "noto-nastaliq-urdu", "files", "noto-nastaliq-urdu-arabic-400-normal.woff2");
const target = path.join("lib", "generated", "fonts", "noto-nastaliq-urdu-400-urdu.woff2");

const started = performance.now();
const full = readFileSync(source);
const subset = await subsetFont(full, URDU_CHARACTERS, { targetFormat: "woff2" });
mkdirSync(path.dirname(target), { recursive: true });
// Written whole, then moved into place: a server reading it never sees half a file.
writeFileSync(`${target}.tmp`, subset);
renameSync(`${target}.tmp`, target);
console.log(`Urdu web font: ${(full.length / 1024).toFixed(0)} KB -> ${(subset.length / 1024).toFixed(0)} KB (${target}, ${Math.round(performance.now() - started)} ms)`);
