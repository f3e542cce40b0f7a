import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ADMISSION_VARIABLES } from "@/lib/net/admission";
import { TRUSTED_PROXIES_VARIABLE, TRUSTED_PROXY_HOPS_VARIABLE } from "@/lib/net/client-address";
import { LIMIT_VARIABLES } from "@/lib/petition/limits";

// Docs that match the code: every setting the app reads is in README.md's "Configuration" table, and
// every row there is read somewhere. The code is searched as written (process.env.X, env.X, a
// persistent secret's name, the modules' own lists of variable names), so a new variable cannot be
// added without its row.

const SOURCES = ["lib", "app", "components", "proxy.ts", "instrumentation.ts", "scripts/server.ts", "scripts/start.ts", "scripts/lib/server-command.ts"];
/** Read by Node.js, Next.js or the tests, not settings of the app. */
const NOT_SETTINGS = new Set(["NODE_ENV", "NODE_OPTIONS", "NEXT_RUNTIME", "DEBUG_POSTGRES"]);

function files(entry: string): string[] {
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry).flatMap((name) => (name === "generated" ? [] : files(path.join(entry, name))));
}

function variablesInCode(): Set<string> {
  const found = new Set<string>([...Object.values(LIMIT_VARIABLES), ...Object.values(ADMISSION_VARIABLES), TRUSTED_PROXY_HOPS_VARIABLE, TRUSTED_PROXIES_VARIABLE]);
  for (const file of SOURCES.flatMap(files)) {
    if (!/\.(ts|tsx)$/.test(file) || /\.test\.tsx?$/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)) found.add(match[1]!);
    for (const match of text.matchAll(/persistentSecret\("([A-Z][A-Z0-9_]+)"/g)) found.add(match[1]!);
  }
  for (const name of NOT_SETTINGS) found.delete(name);
  return found;
}

function variablesInReadme(): Set<string> {
  const readme = readFileSync("README.md", "utf8");
  const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1));
  return new Set([...table.matchAll(/^\| ((?:`[A-Z][A-Z0-9_]+`(?:, )?)+) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`([A-Z0-9_]+)`/g)].map((name) => name[1]!)));
}

describe("README's configuration table", () => {
  it("lists every setting the app reads, and only those", () => {
    const code = variablesInCode();
    const readme = variablesInReadme();
    expect(code.size).toBeGreaterThan(20);
    expect([...code].filter((name) => !readme.has(name)).sort(), "read by the code, missing from README").toEqual([]);
    expect([...readme].filter((name) => !code.has(name)).sort(), "in README, read nowhere").toEqual([]);
  });
});
