import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Comments and docs that point at the project's own files ("see lib/petition/counts.ts", "decision
// docs/decisions/007-…") must point at something that exists: a file moved or removed without its
// mentions being mended leaves readers looking for code that is not there (issue 17).

const ROOT = path.resolve(import.meta.dirname, "..");
const TOP = ["app", "components", "lib", "scripts", "docs", "e2e", "bench", "prisma", "deploy", "i18n", "messages", "public", ".ci"];
/** A path in the tree: not part of a longer path or URL ("/x/lib/…", "@/lib/…" are imports, checked by the compiler). */
const REFERENCE = new RegExp(`(?<![\\w./@-])((?:${TOP.map((top) => top.replace(".", "\\.")).join("|")})/[A-Za-z0-9_.\\-\\[\\]()/]+)`, "g");

/** Mentions of what is not a file on purpose: a decision recording a move or a removal, a package's module, tests of made-up files. */
const ON_PURPOSE: Record<string, string[]> = {
  "prisma.config.ts": ["prisma/config"],
  "docs/decisions/015-sharing-referrals-embed.md": ["app/(site)/layout.tsx", "app/admin/layout.tsx", "app/embed"],
  "docs/decisions/026-one-way-to-do-each-thing.md": ["i18n/navigation.ts"],
  "scripts/layers.test.ts": ["*"],
  "scripts/references.test.ts": ["*"],
};

function referencesIn(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const next = text.slice(match.index + match[0].length, match.index + match[0].length + 1);
    // A pattern, not a path: "app/**/page.tsx", "lib/<domain>/", "messages/${locale}.json", "docs/…".
    if (["*", "<", "{", "$", "…"].includes(next)) continue;
    // A package's own module ("prisma/config" in an import), not a file of ours.
    const before = text[match.index - 1];
    const reference = match[1]!.replace(/[.,:;)\]]+$/, "").replace(/\/$/, "");
    if ((before === '"' || before === "'") && !path.extname(reference) && /\.(ts|tsx|mjs|mts)$/.test(file)) continue;
    found.push(reference);
  }
  return found;
}

function exists(reference: string): boolean {
  if (["", ".ts", ".tsx", ".mjs", ".md"].some((extension) => existsSync(path.join(ROOT, reference + extension)))) return true;
  // "docs/decisions/021" names a decision by its number.
  const directory = path.join(ROOT, path.dirname(reference));
  return existsSync(directory) && readdirSync(directory).some((name) => name.startsWith(path.basename(reference)));
}

describe("references to the project's files", () => {
  it("point at files and folders that exist", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter((file) => /\.(ts|tsx|mts|mjs|js|md|prisma|sh|css)$/.test(file) && !file.startsWith("lib/generated/") && !file.startsWith("prisma/migrations/"));
    expect(files.length).toBeGreaterThan(100);
    const broken = files.flatMap((file) => {
      const allowed = ON_PURPOSE[file] ?? [];
      if (allowed.includes("*") || !existsSync(path.join(ROOT, file))) return [];
      return referencesIn(file, readFileSync(path.join(ROOT, file), "utf8"))
        .filter((reference) => !allowed.includes(reference) && !exists(reference))
        .map((reference) => `${file}: ${reference}`);
    });
    expect(broken).toEqual([]);
  });

  it("are found in comments and prose, and a missing one is reported", () => {
    const text = "// See lib/petition/counts.ts and docs/decisions/007, not lib/nowhere/gone.ts (app/**/page.tsx is a pattern).";
    const references = referencesIn("lib/x.ts", text);
    expect(references).toEqual(["lib/petition/counts.ts", "docs/decisions/007", "lib/nowhere/gone.ts"]);
    expect(references.filter((reference) => !exists(reference))).toEqual(["lib/nowhere/gone.ts"]);
  });
});
