import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkVoteImport, MAX_LISTED_PROBLEMS, type StageTotals } from "@/lib/votes/import";

const seedFile = (name: string) => readFileSync(path.join(process.cwd(), "prisma/seed/claas-2015", name), "utf8");
const complete = (totals: Partial<StageTotals> = {}): StageTotals => ({ yes: 1, no: 1, abstain: 0, notVoting: 0, namesComplete: true, ...totals });
const csv = (...rows: string[]) => ["iso3,name,vote", ...rows].join("\n");

describe("checkVoteImport", () => {
  it("passes the real plenary file against its official totals", () => {
    const report = checkVoteImport({ yes: 127, no: 14, abstain: 41, notVoting: 11, namesComplete: true }, seedFile("plenary-2015-12-17-A-RES-70-161.csv"));
    expect(report).toMatchObject({ ok: true, problems: [], rowCount: 193, counts: { YES: 127, NO: 14, ABSTAIN: 41, ABSENT: 11, UNKNOWN: 0 } });
  });

  it("passes the real committee file, which names only some countries", () => {
    const report = checkVoteImport({ yes: 117, no: 14, abstain: 40, notVoting: 22, namesComplete: false }, seedFile("third-committee-2015-11-25-partial.csv"));
    expect(report).toMatchObject({ ok: true, rowCount: 193, counts: { YES: 0, NO: 14, ABSTAIN: 40, UNKNOWN: 139 } });
  });

  it("reports a well-formed code that is no country, with its line", () => {
    const report = checkVoteImport(complete(), csv("PAK,Pakistan,no", "XYZ,Nowhere,yes"));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([{ code: "unknownCountry", line: 3, iso3: "XYZ" }]);
  });

  it("reports a country listed twice, with both lines", () => {
    const report = checkVoteImport(complete(), csv("PAK,Pakistan,no", "NOR,Norway,yes", "PAK,Pakistan,no"));
    expect(report.problems).toContainEqual({ code: "duplicate", line: 4, iso3: "PAK", firstLine: 2 });
    expect(report.rowCount).toBe(2);
    expect(report.ok).toBe(false);
  });

  it("reports parse errors with their line numbers, in file order", () => {
    const report = checkVoteImport(complete(), "iso3,name,vote\npak,Pakistan,no\nNOR,Norway,maybe\n\"FRA\",France,yes\nDEU,Germany,yes,extra\n");
    expect(report.problems.map((problem) => ("line" in problem ? [problem.line, problem.code] : [problem.code]))).toEqual([
      [2, "invalid"],
      [3, "invalid"],
      [4, "quoted"],
      [5, "fieldCount"],
      ["noRows"],
      ["totalsMismatch"],
      ["totalsMismatch"],
    ]);
    expect(report.problems[0]).toMatchObject({ field: "iso3" });
    expect(report.problems[1]).toMatchObject({ field: "vote" });
  });

  it("reports a wrong header", () => {
    expect(checkVoteImport(complete(), "country,vote\nPAK,no").problems[0]).toEqual({ line: 1, code: "header" });
  });

  it("reports each vote whose rows differ from the official total when every name is known", () => {
    const report = checkVoteImport(complete({ yes: 2, no: 1, abstain: 1 }), csv("PAK,Pakistan,no", "NOR,Norway,yes", "FRA,France,unknown"));
    expect(report.problems).toEqual([
      { code: "totalsMismatch", vote: "YES", rows: 1, total: 2 },
      { code: "totalsMismatch", vote: "ABSTAIN", rows: 0, total: 1 },
      { code: "unknownInComplete", count: 1 },
    ]);
  });

  it("refuses a named yes when the record names only some countries, but accepts fewer names than the totals", () => {
    const partial = { yes: 100, no: 2, abstain: 5, notVoting: 0, namesComplete: false };
    const report = checkVoteImport(partial, csv("PAK,Pakistan,no", "NOR,Norway,yes", "FRA,France,unknown"));
    expect(report.problems).toEqual([{ code: "namedYes", count: 1 }]);
    expect(checkVoteImport(partial, csv("PAK,Pakistan,no", "FRA,France,unknown")).ok).toBe(true);
  });

  it("refuses more names with a vote than its official total, even when the record is partial", () => {
    const report = checkVoteImport({ yes: 0, no: 1, abstain: 0, notVoting: 0, namesComplete: false }, csv("PAK,Pakistan,no", "CHN,China,no"));
    expect(report.problems).toEqual([{ code: "namedOverTotal", vote: "NO", rows: 2, total: 1 }]);
  });

  it("lists a bounded number of problems and counts the rest", () => {
    const rows = Array.from({ length: MAX_LISTED_PROBLEMS + 20 }, () => "bad line");
    const report = checkVoteImport(complete(), csv(...rows));
    expect(report.problems).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(report.moreProblems).toBe(20 + 3); // and: no rows, two totals
  });
});
