import { z } from "zod";
import { optionalText as optional, requiredText as required } from "@/lib/forms/fields";
import { VOTE_VALUES } from "@/lib/votes/results";

// The per-country vote files: header `iso3,name,vote`, one row per country. The committee file says
// `unknown` where the record does not establish a vote; the plenary file says `absent` for no vote.
const csvVote = z.enum(["yes", "no", "abstain", "absent", "unknown"]);

export const countryVoteRowSchema = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code in capitals"),
  name: z.string().trim().min(1, "is empty").max(120),
  vote: csvVote.transform((vote) => vote.toUpperCase() as (typeof VOTE_VALUES)[number]),
});

/** One problem of a vote file, at its line (1 is the header). The import report translates them. */
export type CsvIssue =
  | { line: number; code: "header" | "quoted" }
  | { line: number; code: "fieldCount"; found: number }
  | { line: number; code: "invalid"; field: "iso3" | "name" | "vote"; detail: string }
  | { line: number; code: "duplicate"; iso3: string; firstLine: number };

export type ParsedVotes = {
  rows: z.output<typeof countryVoteRowSchema>[];
  /** The line of each row, in the same order as `rows`. */
  rowLines: number[];
  issues: CsvIssue[];
  /** The issues as English sentences with their line, for the seed's messages. */
  errors: string[];
};

function describeIssue(issue: CsvIssue): string {
  switch (issue.code) {
    case "header":
      return `line 1: the header must be "iso3,name,vote"`;
    case "quoted":
      return `line ${issue.line}: quoted fields are not supported`;
    case "fieldCount":
      return `line ${issue.line}: expected 3 fields, found ${issue.found}`;
    case "invalid":
      return `line ${issue.line}: ${issue.field} ${issue.detail}`;
    case "duplicate":
      return `line ${issue.line}: ${issue.iso3} appears twice`;
  }
}

/** Parses a vote CSV strictly: every problem is reported with its line, nothing is guessed. */
export function parseVotesCsv(text: string): ParsedVotes {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const issues: CsvIssue[] = [];
  const rows: ParsedVotes["rows"] = [];
  const rowLines: number[] = [];
  const seen = new Map<string, number>();
  if (lines[0]?.trim() !== "iso3,name,vote") issues.push({ line: 1, code: "header" });
  lines.slice(1).forEach((line, index) => {
    const lineNo = index + 2;
    if (!line.trim()) return;
    if (line.includes('"')) return void issues.push({ line: lineNo, code: "quoted" });
    const [iso3, name, vote, ...rest] = line.split(",");
    if (rest.length > 0) return void issues.push({ line: lineNo, code: "fieldCount", found: rest.length + 3 });
    const parsed = countryVoteRowSchema.safeParse({ iso3: iso3?.trim(), name, vote: vote?.trim() });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = (issue?.path[0] ?? "iso3") as "iso3" | "name" | "vote";
      return void issues.push({ line: lineNo, code: "invalid", field, detail: issue?.message ?? "is invalid" });
    }
    const firstLine = seen.get(parsed.data.iso3);
    if (firstLine !== undefined) return void issues.push({ line: lineNo, code: "duplicate", iso3: parsed.data.iso3, firstLine });
    seen.set(parsed.data.iso3, lineNo);
    rows.push(parsed.data);
    rowLines.push(lineNo);
  });
  return { rows, rowLines, issues, errors: issues.map(describeIssue) };
}

// The form of a vote stage import. One schema for the form and the server; error messages are
// message keys (AdminVotes.errors.*). Limits follow the columns.

const total = z
  .string({ error: "required" })
  .trim()
  .pipe(z.string().min(1, { error: "required", abort: true }).regex(/^\d{1,6}$/, { error: "countInvalid" }))
  .transform(Number);

export const voteStageSchema = z.object({
  key: z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).max(60, { error: "tooLong", abort: true }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "keyInvalid" })),
  body: required(200),
  meeting: optional(200),
  date: z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).pipe(z.iso.date({ error: "dateInvalid" })))
    .transform((value) => new Date(`${value}T00:00:00Z`)),
  documentSymbol: optional(60),
  yes: total,
  no: total,
  abstain: total,
  notVoting: total,
  // An unticked checkbox is absent from the form data.
  namesComplete: z
    .string()
    .nullish()
    .transform((value) => value === "on" || value === "true"),
  note: optional(5_000),
  sourceCovers: required(300),
  sourceCitation: required(1_000),
  sourceUrl: z
    .string()
    .nullish()
    .transform((value) => value?.trim() || null)
    .pipe(z.union([z.null(), z.url({ protocol: /^https?$/, error: "urlInvalid" }).max(2000, { error: "tooLong" })])),
});

export type VoteStageInput = z.output<typeof voteStageSchema>;
export type VoteStageField = keyof VoteStageInput;
export const VOTE_STAGE_FIELDS = Object.keys(voteStageSchema.shape) as VoteStageField[];
