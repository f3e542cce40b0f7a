// Pure functions over a campaign's vote record: no database, no UI strings.

export const VOTE_VALUES = ["YES", "NO", "ABSTAIN", "ABSENT", "UNKNOWN"] as const;
export type Vote = (typeof VOTE_VALUES)[number];

export type CountryVoteRow = { iso3: string; name: string; vote: Vote };

export type StageSource = { covers: string; citation: string; url: string | null };

export type Stage = {
  key: string;
  position: number;
  body: string;
  meeting: string | null;
  date: Date;
  documentSymbol: string | null;
  yes: number;
  no: number;
  abstain: number;
  notVoting: number;
  namesComplete: boolean;
  note: string | null;
  sources: StageSource[];
  votes: CountryVoteRow[];
};

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "en");

/** Countries of one stage grouped by vote, each group sorted by name. */
export function groupByVote(votes: readonly CountryVoteRow[]): Record<Vote, CountryVoteRow[]> {
  const groups: Record<Vote, CountryVoteRow[]> = { YES: [], NO: [], ABSTAIN: [], ABSENT: [], UNKNOWN: [] };
  for (const row of votes) groups[row.vote].push(row);
  for (const group of Object.values(groups)) group.sort(byName);
  return groups;
}

/** Every country named in any stage, once, sorted by name (the name of the latest stage wins). */
export function countriesOf(stages: readonly Stage[]): { iso3: string; name: string }[] {
  const names = new Map<string, string>();
  for (const stage of [...stages].sort((a, b) => a.position - b.position)) {
    for (const row of stage.votes) names.set(row.iso3, row.name);
  }
  return [...names].map(([iso3, name]) => ({ iso3, name })).sort(byName);
}

export type Change =
  | { kind: "same"; vote: Vote }
  | { kind: "changed"; from: Vote; to: Vote }
  /** An earlier vote is not established by the record, so no change can be claimed. */
  | { kind: "not-established"; to: Vote };

export type CountryHistory = {
  iso3: string;
  name: string;
  steps: { stageKey: string; body: string; date: Date; vote: Vote }[];
  change: Change | null;
};

/** How one country voted at each stage, and what changed between the first and last stage. */
export function countryHistory(stages: readonly Stage[], iso3: string): CountryHistory | null {
  const code = iso3.toUpperCase();
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const steps = ordered.map((stage) => ({
    stageKey: stage.key,
    body: stage.body,
    date: stage.date,
    vote: stage.votes.find((row) => row.iso3 === code)?.vote ?? ("UNKNOWN" as Vote),
  }));
  const name = [...ordered].reverse().flatMap((s) => s.votes).find((row) => row.iso3 === code)?.name;
  if (!name) return null;
  return { iso3: code, name, steps, change: changeBetween(steps[0]?.vote, steps[steps.length - 1]?.vote, steps.length) };
}

function changeBetween(first: Vote | undefined, last: Vote | undefined, count: number): Change | null {
  if (count < 2 || !first || !last) return null;
  if (first === "UNKNOWN" || last === "UNKNOWN") return { kind: "not-established", to: last };
  return first === last ? { kind: "same", vote: last } : { kind: "changed", from: first, to: last };
}

/** Countries whose established vote differs between two stages (unknown votes are never compared). */
export function changesBetween(earlier: Stage, later: Stage): { iso3: string; name: string; from: Vote; to: Vote }[] {
  const before = new Map(earlier.votes.map((row) => [row.iso3, row.vote]));
  return later.votes
    .flatMap((row) => {
      const from = before.get(row.iso3);
      if (!from || from === "UNKNOWN" || row.vote === "UNKNOWN" || from === row.vote) return [];
      return [{ iso3: row.iso3, name: row.name, from, to: row.vote }];
    })
    .sort(byName);
}
