import { describe, expect, it } from "vitest";
import { publicCountryCounts, SMALL_COUNT } from "@/lib/petition/public-counts";

describe("publicCountryCounts", () => {
  it("shows counts from the threshold on and hides those below it", () => {
    expect(SMALL_COUNT).toBe(5);
    const counts = publicCountryCounts([
      { country: "PAK", confirmed: 6 },
      { country: "GBR", confirmed: 5 },
      { country: "NOR", confirmed: 4 },
      { country: "ISL", confirmed: 1 },
    ]);
    expect(counts).toEqual([
      { country: "PAK", signatures: 6 },
      { country: "GBR", signatures: 5 },
      { country: "ISL", signatures: "<5" },
      { country: "NOR", signatures: "<5" },
    ]);
  });

  it("orders hidden countries by code, so their order does not tell which has more", () => {
    const counts = publicCountryCounts([
      { country: "ZAF", confirmed: 4 },
      { country: "ARG", confirmed: 1 },
      { country: "MEX", confirmed: 3 },
    ]);
    expect(counts.map((row) => row.country)).toEqual(["ARG", "MEX", "ZAF"]);
    expect(counts.every((row) => row.signatures === "<5")).toBe(true);
  });

  it("orders shown countries largest first whatever order they come in, and leaves out empty ones", () => {
    const counts = publicCountryCounts([
      { country: "GBR", confirmed: 7 },
      { country: "PAK", confirmed: 90 },
      { country: "USA", confirmed: 0 },
      { country: "CAN", confirmed: 7 },
    ]);
    expect(counts).toEqual([
      { country: "PAK", signatures: 90 },
      { country: "CAN", signatures: 7 },
      { country: "GBR", signatures: 7 },
    ]);
  });
});
