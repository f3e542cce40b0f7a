import { describe, expect, it } from "vitest";
import { csvCell, exportFileName, neutraliseFormula } from "@/lib/export/csv";

describe("neutraliseFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+cmd", "'+cmd"],
    ["-2", "'-2"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=x", "'\t=x"],
    ["\r=x", "'\r=x"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
  ])("prefixes %j with an apostrophe", (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(["Amina Khan", "Ахмед Ибрахим", "محمد علی", "O'Brien", "jane-doe@example.org", "a=b", "1+1", "", " =not at the start"])(
    "leaves %j unchanged",
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );
});

describe("csvCell", () => {
  it("neutralises strings", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("Amina")).toBe("Amina");
  });

  it("writes numbers, booleans and dates as they are, even when negative", () => {
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(10n)).toBe("10");
    expect(csvCell(true)).toBe("true");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(new Date("2026-03-01T10:20:30.456Z"))).toBe("2026-03-01T10:20:30.456Z");
    expect(csvCell("2026-03-01T10:20:30.456Z")).toBe("2026-03-01T10:20:30.456Z");
  });

  it("writes empty cells for missing values", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });
});

describe("exportFileName", () => {
  it("uses the UTC date", () => {
    expect(exportFileName("signatures", new Date("2026-03-01T23:59:59Z"))).toBe("signatures-2026-03-01.csv");
  });
});
