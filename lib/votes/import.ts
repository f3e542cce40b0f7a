import { isCountryCode } from "@/lib/countries";
import { VOTE_VALUES, type Vote } from "@/lib/votes/results";
import { parseVotesCsv, type CsvIssue, type VoteStageInput } from "@/lib/votes/schema";

// The check of a vote stage import, before anything is saved: pure, so the form's "Check" and the
// service's re-check on save give the same answer. Problems are data, translated where shown.

/** Largest vote file accepted (the UN's 193 members take about 5 KB). */
export const CSV_MAX_BYTES = 1024 * 1024;
/** At most this many problems are listed; a wrong file would otherwise make a report of thousands. */
export const MAX_LISTED_PROBLEMS = 100;

export type CountedVote = Exclude<Vote, "UNKNOWN">;

export type ImportProblem =
  | CsvIssue
  | { code: "unknownCountry"; line: number; iso3: string }
  | { code: "noRows" }
  /** Complete stages: the rows with this vote differ from the official total. */
  | { code: "totalsMismatch"; vote: CountedVote; rows: number; total: number }
  /** Incomplete stages: more countries named with this vote than the official total. */
  | { code: "namedOverTotal"; vote: CountedVote; rows: number; total: number }
  /** Incomplete stages: a yes the record does not establish (see the committee stage of CLAAS). */
  | { code: "namedYes"; count: number }
  /** Complete stages: an "unknown" row where every vote should be known. */
  | { code: "unknownInComplete"; count: number };

export type ImportReport = {
  rowCount: number;
  /** Rows per vote in the file, and the official totals they were checked against. */
  counts: Record<Vote, number>;
  official: Record<CountedVote, number>;
  namesComplete: boolean;
  problems: ImportProblem[];
  /** Problems found beyond those listed. */
  moreProblems: number;
  ok: boolean;
};

export type StageTotals = Pick<VoteStageInput, "yes" | "no" | "abstain" | "notVoting" | "namesComplete">;

/** Checks a vote file against the stage's official totals. `ok` means it may be saved as it is. */
export function checkVoteImport(stage: StageTotals, csv: string): ImportReport {
  const parsed = parseVotesCsv(csv);
  const problems: ImportProblem[] = [...parsed.issues];

  parsed.rows.forEach((row, index) => {
    if (!isCountryCode(row.iso3)) problems.push({ code: "unknownCountry", line: parsed.rowLines[index]!, iso3: row.iso3 });
  });
  if (parsed.rows.length === 0) problems.push({ code: "noRows" });

  const counts = Object.fromEntries(VOTE_VALUES.map((vote) => [vote, 0])) as Record<Vote, number>;
  for (const row of parsed.rows) counts[row.vote] += 1;
  const official: Record<CountedVote, number> = { YES: stage.yes, NO: stage.no, ABSTAIN: stage.abstain, ABSENT: stage.notVoting };
  problems.push(...totalsProblems(stage.namesComplete, official, counts));

  // Line problems first, in file order; then the totals.
  const lineOf = (problem: ImportProblem) => ("line" in problem ? problem.line : Number.MAX_SAFE_INTEGER);
  problems.sort((a, b) => lineOf(a) - lineOf(b));
  return {
    rowCount: parsed.rows.length,
    counts,
    official,
    namesComplete: stage.namesComplete,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    moreProblems: Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
    ok: problems.length === 0,
  };
}

function totalsProblems(namesComplete: boolean, official: Record<CountedVote, number>, counts: Record<Vote, number>): ImportProblem[] {
  const problems: ImportProblem[] = [];
  if (namesComplete) {
    for (const [vote, total] of Object.entries(official) as [CountedVote, number][]) {
      if (counts[vote] !== total) problems.push({ code: "totalsMismatch", vote, rows: counts[vote], total });
    }
    if (counts.UNKNOWN > 0) problems.push({ code: "unknownInComplete", count: counts.UNKNOWN });
    return problems;
  }
  // A partial record may name fewer countries than voted each way, never more, and never a yes:
  // the product must not show a country as voting yes when the record does not say so.
  if (counts.YES > 0) problems.push({ code: "namedYes", count: counts.YES });
  for (const vote of ["NO", "ABSTAIN", "ABSENT"] as const) {
    if (counts[vote] > official[vote]) problems.push({ code: "namedOverTotal", vote, rows: counts[vote], total: official[vote] });
  }
  return problems;
}
