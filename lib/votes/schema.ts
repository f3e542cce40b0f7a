import { z } from "zod";
import { VOTE_VALUES } from "@/lib/votes/results";

// The per-country vote files: header `iso3,name,vote`, one row per country. The committee file says
// `unknown` where the record does not establish a vote; the plenary file says `absent` for no vote.
const csvVote = z.enum(["yes", "no", "abstain", "absent", "unknown"]);

export const countryVoteRowSchema = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 code in capitals"),
  name: z.string().trim().min(1, "is empty").max(120),
  vote: csvVote.transform((vote) => vote.toUpperCase() as (typeof VOTE_VALUES)[number]),
});

export type ParsedVotes = { rows: z.output<typeof countryVoteRowSchema>[]; errors: string[] };

/** Parses a vote CSV strictly: every problem is reported with its line, nothing is guessed. */
export function parseVotesCsv(text: string): ParsedVotes {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const errors: string[] = [];
  const rows: ParsedVotes["rows"] = [];
  const seen = new Set<string>();
  if (lines[0]?.trim() !== "iso3,name,vote") errors.push(`line 1: the header must be "iso3,name,vote"`);
  lines.slice(1).forEach((line, index) => {
    const lineNo = index + 2;
    if (!line.trim()) return;
    if (line.includes('"')) return void errors.push(`line ${lineNo}: quoted fields are not supported`);
    const [iso3, name, vote, ...rest] = line.split(",");
    if (rest.length > 0) return void errors.push(`line ${lineNo}: expected 3 fields, found ${rest.length + 3}`);
    const parsed = countryVoteRowSchema.safeParse({ iso3: iso3?.trim(), name, vote: vote?.trim() });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return void errors.push(`line ${lineNo}: ${issue?.path.join(".")} ${issue?.message}`);
    }
    if (seen.has(parsed.data.iso3)) return void errors.push(`line ${lineNo}: ${parsed.data.iso3} appears twice`);
    seen.add(parsed.data.iso3);
    rows.push(parsed.data);
  });
  return { rows, errors };
}
