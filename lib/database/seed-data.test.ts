import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The app never reads ../shared at run time; it ships a copy. When the shared originals are present
// (as on the project's machines and in CI), the copy must be identical to them.
const shared = path.resolve(process.cwd(), "..", "shared");
const copy = path.join(process.cwd(), "prisma", "seed", "claas-2015");
const pairs = [
  ["campaign/claas-statement-2015.txt", "statement.txt"],
  ["data/un-votes/plenary-2015-12-17-A-RES-70-161.csv", "plenary-2015-12-17-A-RES-70-161.csv"],
  ["data/un-votes/third-committee-2015-11-25-partial.csv", "third-committee-2015-11-25-partial.csv"],
  ["data/un-votes/SOURCES.md", "SOURCES.md"],
] as const;

describe.skipIf(!existsSync(shared))("seed data copied from shared/", () => {
  it.each(pairs)("%s is copied unchanged", (original, copied) => {
    expect(readFileSync(path.join(copy, copied), "utf8")).toBe(readFileSync(path.join(shared, original), "utf8"));
  });
});
