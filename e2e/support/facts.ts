import { readFileSync } from "node:fs";
import path from "node:path";

// Facts for the tests, read straight from the project's copy of the data files (parsed here on
// purpose without the app's parser), so that a wrong seed or a wrong page fails the tests.
const DIR = path.join(__dirname, "..", "..", "prisma", "seed", "claas-2015");

export type Row = { iso3: string; name: string; vote: string };

function readCsv(file: string): Row[] {
  return readFileSync(path.join(DIR, file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [iso3 = "", name = "", vote = ""] = line.trim().split(",");
      return { iso3, name, vote };
    });
}

const meta = JSON.parse(readFileSync(path.join(DIR, "campaign.json"), "utf8")) as {
  slug: string;
  title: string;
  translations: { locale: string; title: string; summary: string; statementFile: string }[];
  stages: { key: string; body: string; yes: number; no: number; abstain: number; notVoting: number; votesFile: string }[];
};

export const campaign = { slug: meta.slug, title: meta.title };
/** The seeded campaign in Urdu (prisma/seed/claas-2015/campaign.json, statement.ur.txt). */
const urdu = meta.translations.find((translation) => translation.locale === "ur")!;
export const urduCampaign = { title: urdu.title, summary: urdu.summary, statement: readFileSync(path.join(DIR, "statement.ur.txt"), "utf8").trim() };
export const statementParagraphs = readFileSync(path.join(DIR, "statement.txt"), "utf8")
  .split(/\n\s*\n/)
  .map((p) => p.trim())
  .filter(Boolean);

const stage = (key: string) => {
  const found = meta.stages.find((s) => s.key === key);
  if (!found) throw new Error(`no stage ${key} in campaign.json`);
  return { ...found, rows: readCsv(found.votesFile) };
};
export const committee = stage("third-committee");
export const plenary = stage("plenary");

export const byVote = (rows: Row[], vote: string) => rows.filter((row) => row.vote === vote);
export const rowOf = (rows: Row[], iso3: string) => {
  const row = rows.find((r) => r.iso3 === iso3);
  if (!row) throw new Error(`${iso3} not in data`);
  return row;
};

/** The words the page uses for each vote in the CSVs (messages/en.json, Votes.vote). */
export const VOTE_LABEL: Record<string, string> = {
  yes: "In favour",
  no: "Against",
  abstain: "Abstained",
  absent: "Did not vote",
  unknown: "Not recorded by name",
};
