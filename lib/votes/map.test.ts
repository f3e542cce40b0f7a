import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { missingFrom, worldMap } from "@/lib/votes/map";

const members = readFileSync(path.join(process.cwd(), "prisma/seed/claas-2015/plenary-2015-12-17-A-RES-70-161.csv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split(",")[0]!);

describe("world map", () => {
  it("draws most members and reports the ones it cannot draw", () => {
    const map = worldMap();
    const missing = missingFrom(map, members);
    expect(members).toHaveLength(193);
    // Natural Earth 1:110m lacks small states: they must be reported, not silently dropped.
    expect(missing.has("TUV")).toBe(true);
    expect(missing.has("PAK")).toBe(false);
    expect(members.filter((iso3) => !missing.has(iso3)).length + missing.size).toBe(193);
    for (const shape of map.shapes) expect(shape.d).toMatch(/^M[\d.-]/);
  });

  it("names every shape and maps ISO numeric codes to alpha-3", () => {
    const shapes = worldMap().shapes;
    expect(shapes.find((shape) => shape.iso3 === "PAK")?.mapName).toBe("Pakistan");
    expect(shapes.every((shape) => shape.mapName.length > 0)).toBe(true);
  });
});
