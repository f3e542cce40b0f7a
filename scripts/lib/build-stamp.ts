import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// What the production build depends on. When the hash of these changes, `npm start` rebuilds.
const INPUTS = ["app", "components", "lib", "i18n", "messages", "public", "prisma/schema.prisma", "next.config.js", "tsconfig.json", "package-lock.json", "proxy.ts"];
const SKIP = new Set(["node_modules", ".next", "generated"]);
const STAMP = path.join(".next", "advocate-source-hash");

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => !SKIP.has(name) && !name.endsWith(".test.ts"))
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((input) => files(path.join(root, input)))) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** Whether `.next` holds a production build made from sources with this hash. */
export function buildIsCurrent(hash: string, root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
}

/** Records the hash of the sources a finished build was made from (taken before it started). */
export function recordBuild(hash: string, root = process.cwd()): void {
  writeFileSync(path.join(root, STAMP), hash);
}
