// The Urdu web font (Nastaliq, one weight of the Arabic-script subset), served by the app itself
// (app/fonts/[file]/route.ts) from the bundled @fontsource package, at an address that names the
// package's version: cached for a year, and a new version is a new address. Urdu pages preload it
// (app/[locale]/layout.tsx), so that text is first drawn in Nastaliq rather than redrawn when it
// arrives, which moved the page (Lighthouse: layout shift 0.15). globals.css names the same address.
export const URDU_FONT_VERSION = "5.3.0";
export const URDU_FONT_FILE = `noto-nastaliq-urdu-arabic-400-${URDU_FONT_VERSION}.woff2`;
export const URDU_FONT_URL = `/fonts/${URDU_FONT_FILE}`;
/** The file in node_modules. */
export const URDU_FONT_SOURCE = ["@fontsource", "noto-nastaliq-urdu", "files", "noto-nastaliq-urdu-arabic-400-normal.woff2"] as const;
