import { describe, expect, it } from "vitest";
import { changesBetween, countriesOf, countryHistory, groupByVote, type Stage, type Vote } from "@/lib/votes/results";

const stage = (key: string, position: number, votes: [string, string, Vote][], namesComplete = true): Stage => ({
  key,
  position,
  body: key,
  meeting: null,
  date: new Date("2015-11-25"),
  documentSymbol: null,
  yes: 0,
  no: 0,
  abstain: 0,
  notVoting: 0,
  namesComplete,
  note: null,
  sources: [],
  votes: votes.map(([iso3, name, vote]) => ({ iso3, name, vote })),
});

const committee = stage(
  "committee",
  1,
  [
    ["ZAF", "South Africa", "NO"],
    ["CUB", "Cuba", "ABSTAIN"],
    ["PAK", "Pakistan", "NO"],
    ["NOR", "Norway", "UNKNOWN"],
  ],
  false,
);
const plenary = stage("plenary", 2, [
  ["ZAF", "South Africa", "YES"],
  ["CUB", "Cuba", "NO"],
  ["PAK", "Pakistan", "NO"],
  ["NOR", "Norway", "YES"],
]);

describe("vote results", () => {
  it("groups countries by vote, sorted by name", () => {
    const groups = groupByVote(committee.votes);
    expect(groups.NO.map((row) => row.name)).toEqual(["Pakistan", "South Africa"]);
    expect(groups.YES).toEqual([]);
    expect(groups.UNKNOWN.map((row) => row.iso3)).toEqual(["NOR"]);
  });

  it("tells a changed vote, an unchanged one, and one the record cannot establish", () => {
    expect(countryHistory([plenary, committee], "zaf")?.change).toEqual({ kind: "changed", from: "NO", to: "YES" });
    expect(countryHistory([committee, plenary], "PAK")?.change).toEqual({ kind: "same", vote: "NO" });
    expect(countryHistory([committee, plenary], "NOR")?.change).toEqual({ kind: "not-established", to: "YES" });
    expect(countryHistory([committee, plenary], "NOR")?.steps.map((s) => s.vote)).toEqual(["UNKNOWN", "YES"]);
    expect(countryHistory([committee, plenary], "XXX")).toBeNull();
  });

  it("lists changes only between established votes", () => {
    expect(changesBetween(committee, plenary)).toEqual([
      { iso3: "CUB", name: "Cuba", from: "ABSTAIN", to: "NO" },
      { iso3: "ZAF", name: "South Africa", from: "NO", to: "YES" },
    ]);
  });

  it("lists every country once", () => {
    expect(countriesOf([committee, plenary]).map((c) => c.iso3)).toEqual(["CUB", "NOR", "PAK", "ZAF"]);
  });
});
