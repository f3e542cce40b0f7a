// The Urdu web font (Nastaliq, one weight), cut down to what Urdu text needs
// (lib/fonts/urdu-characters.mjs, by scripts/subset-fonts.mjs after install: 156 KB -> 114 KB) and
// served by the app itself (app/fonts/[file]/route.ts) at an address that names the package's version
// and the cut: cached for a year, and a new version or a new character list is a new address. Urdu
// pages preload it (app/[locale]/layout.tsx), so that text is first drawn in Nastaliq rather than
// redrawn when it arrives, which moved the page (Lighthouse: layout shift 0.15). globals.css names the
// same address.
export const URDU_FONT_VERSION = "5.3.0";
/** Raise when URDU_CHARACTERS changes (lib/fonts/urdu.test.ts holds the list's hash to remind you). */
export const URDU_FONT_CUT = 1;
export const URDU_FONT_FILE = `noto-nastaliq-urdu-400-urdu-${URDU_FONT_VERSION}-${URDU_FONT_CUT}.woff2`;
export const URDU_FONT_URL = `/fonts/${URDU_FONT_FILE}`;
/** The cut file, written by scripts/subset-fonts.mjs (relative to the project). */
export const URDU_FONT_GENERATED = ["lib", "generated", "fonts", "noto-nastaliq-urdu-400-urdu.woff2"] as const;
/** The whole Arabic-script file in node_modules: served if the cut one is missing (install scripts not run). */
export const URDU_FONT_SOURCE = ["node_modules", "@fontsource", "noto-nastaliq-urdu", "files", "noto-nastaliq-urdu-arabic-400-normal.woff2"] as const;
