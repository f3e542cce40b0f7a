import { describe, expect, it } from "vitest";
import { mapSvg, mapVersion } from "@/lib/votes/map-svg";
import type { Stage } from "@/lib/votes/results";

const stage = (votes: Stage["votes"]): Stage => ({
  key: "plenary",
  position: 2,
  body: "UN General Assembly, plenary",
  meeting: null,
  date: new Date("2015-12-17T00:00:00Z"),
  documentSymbol: "A/RES/70/161",
  yes: 1,
  no: 1,
  abstain: 0,
  notVoting: 0,
  namesComplete: true,
  note: null,
  sources: [],
  votes,
});

describe("the vote map file", () => {
  const plenary = stage([
    { iso3: "PAK", name: "Pakistan", vote: "NO" },
    { iso3: "FRA", name: "France & <Overseas>", vote: "YES" },
  ]);
  const svg = mapSvg(plenary, "en");

  it("is a standalone SVG whose shapes carry the country's name and vote, escaped", () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toMatch(/<path d="[^"]+" class="vote-no"><title>Pakistan: against<\/title><\/path>/);
    expect(svg).toContain("<title>France &amp; &lt;Overseas&gt;: in favour</title>");
    expect(svg).not.toContain("<Overseas>");
    expect(svg).toContain("<title id=\"t\">World map of the votes on A/RES/70/161, coloured by vote</title>");
    // Countries without a vote in this stage are drawn as non-members, never given a vote.
    expect(svg).toMatch(/class="non-member"><title>India: not a UN member state<\/title>/);
  });

  it("gets a new version when a vote changes, and only then", () => {
    expect(mapVersion(plenary, "en")).toBe(mapVersion(stage([...plenary.votes]), "en"));
    expect(mapVersion(plenary, "en")).not.toBe(mapVersion(stage([{ ...plenary.votes[0]!, vote: "ABSTAIN" }, plenary.votes[1]!]), "en"));
    expect(mapVersion(plenary, "en")).not.toBe(mapVersion(plenary, "ur"));
  });
});
