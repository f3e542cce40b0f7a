import { describe, expect, it } from "vitest";
import { parseVotesCsv } from "@/lib/votes/schema";

describe("parseVotesCsv", () => {
  it("parses rows and upper-cases votes", () => {
    const { rows, errors } = parseVotesCsv("iso3,name,vote\nPAK,Pakistan,no\r\nNOR,Norway,unknown\n");
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { iso3: "PAK", name: "Pakistan", vote: "NO" },
      { iso3: "NOR", name: "Norway", vote: "UNKNOWN" },
    ]);
  });

  it("reports every bad line with its number and keeps none of them", () => {
    const { rows, errors } = parseVotesCsv("iso3,name,vote\npak,Pakistan,no\nNOR,Norway,maybe\nFRA,France,yes,extra\nFRA,France,yes\nFRA,France,no\n");
    expect(rows.map((row) => row.iso3)).toEqual(["FRA"]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/^line 2: iso3 /);
    expect(errors[1]).toMatch(/^line 3: vote /);
    expect(errors[2]).toBe("line 4: expected 3 fields, found 4");
    expect(errors[3]).toBe("line 6: FRA appears twice");
  });

  it("requires the header", () => {
    expect(parseVotesCsv("country,vote\nPAK,no\n").errors[0]).toMatch(/header/);
  });
});
