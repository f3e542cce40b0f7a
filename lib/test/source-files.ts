import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// The project's source files, found by walking the tree (not a hand-kept list), for the tests that
// check every admin page, route handler and server action.
const ROOT = process.cwd();

export function sourceFiles(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    return statSync(path.join(ROOT, rel)).isDirectory() ? sourceFiles(rel, match) : match(rel) ? [rel] : [];
  });
}

/** Every admin page except the sign-in page. */
export const adminPageFiles = () => sourceFiles("app/[locale]/admin", (f) => f.endsWith("page.tsx") && !f.startsWith("app/[locale]/admin/login"));

/**
 * The server-action modules anyone may call: signing, confirming and withdrawing (lib/petition), and the
 * thank-you page's question (lib/sharing/ask-actions.ts), stopping updates with the mail's link
 * (lib/updates/unsubscribe-actions.ts), a letter sent by the site from the signer's data page
 * (lib/letters/by-site-actions.ts: the link is the credential). Every other one checks the session and role.
 */
export const PUBLIC_ACTION_MODULES: ReadonlySet<string> = new Set(["lib/petition/actions.ts", "lib/sharing/ask-actions.ts", "lib/updates/unsubscribe-actions.ts", "lib/letters/by-site-actions.ts"]);
