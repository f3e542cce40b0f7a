import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { z } from "zod";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseVotesCsv } from "@/lib/votes/schema";

// The seed adds what is missing and never overwrites: staff may have edited a seeded campaign.
// Run by `npm start` on every start and by `npm run db:seed`.

const SEED_DIR = path.join(process.cwd(), "prisma", "seed");
const CAMPAIGNS = ["claas-2015"];

const sourceSchema = z.object({ covers: z.string(), citation: z.string(), url: z.string().url().nullable() });
const stageSchema = z.object({
  key: z.string(),
  position: z.number().int(),
  body: z.string(),
  meeting: z.string().nullable(),
  date: z.iso.date(),
  documentSymbol: z.string().nullable(),
  yes: z.number().int().nonnegative(),
  no: z.number().int().nonnegative(),
  abstain: z.number().int().nonnegative(),
  notVoting: z.number().int().nonnegative(),
  namesComplete: z.boolean(),
  note: z.string().nullable(),
  votesFile: z.string(),
  sources: z.array(sourceSchema).min(1),
});
const campaignSeedSchema = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  organisation: z.string(),
  statementDate: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  statementFile: z.string(),
  sourceName: z.string(),
  sourceUrl: z.string().url().nullable(),
  locale: z.string(),
  goal: z.number().int().positive(),
  status: z.enum(["DRAFT", "OPEN", "CLOSED"]),
  /** Translations of the title, summary and statement (the original prevails; the pages say so). */
  translations: z.array(z.object({ locale: z.string(), title: z.string().max(200), summary: z.string().max(500), statementFile: z.string() })).default([]),
  stages: z.array(stageSchema).min(1),
  /** Whom the campaign asks to act; an address only with its source (none is shipped without one). */
  targets: z
    .array(z.object({ name: z.string().max(200), role: z.string().max(300), email: z.email().optional(), contactSource: z.string().max(1000).optional() }).refine((target) => !target.email || target.contactSource))
    .default([]),
  /** The suggested letter per language ("[target]" for the target's name). */
  letters: z.array(z.object({ locale: z.string(), subject: z.string().max(200), body: z.string().max(4000) })).default([]),
});

export type SeedReport = { campaignsCreated: string[]; translationsCreated: string[]; stagesCreated: string[]; votesCreated: number; targetsCreated: number; lettersCreated: string[] };

function readSeed(name: string) {
  const dir = path.join(SEED_DIR, name);
  const meta = campaignSeedSchema.parse(JSON.parse(readFileSync(path.join(dir, "campaign.json"), "utf8")));
  const statement = readFileSync(path.join(dir, meta.statementFile), "utf8").trim();
  const translations = meta.translations.map(({ statementFile, ...text }) => ({ ...text, statement: readFileSync(path.join(dir, statementFile), "utf8").trim() }));
  const stages = meta.stages.map(({ votesFile, ...stage }) => {
    const { rows, errors } = parseVotesCsv(readFileSync(path.join(dir, votesFile), "utf8"));
    if (errors.length) throw new Error(`Seed file ${name}/${votesFile} is invalid:\n${errors.join("\n")}`);
    checkTotals(`${name}/${votesFile}`, stage, rows);
    return { ...stage, rows };
  });
  return { meta, statement, translations, stages };
}

/** Per-country rows must agree with the official totals (all of them when the list is complete). */
function checkTotals(file: string, stage: Omit<z.infer<typeof stageSchema>, "votesFile">, rows: { vote: string }[]) {
  const count = (vote: string) => rows.filter((row) => row.vote === vote).length;
  const expected = stage.namesComplete
    ? { YES: stage.yes, NO: stage.no, ABSTAIN: stage.abstain, ABSENT: stage.notVoting }
    : { NO: stage.no, ABSTAIN: stage.abstain };
  for (const [vote, total] of Object.entries(expected)) {
    if (count(vote) !== total) throw new Error(`Seed file ${file}: ${count(vote)} rows say ${vote}, the totals say ${total}.`);
  }
  if (!stage.namesComplete && count("YES") > 0) throw new Error(`Seed file ${file}: names a yes vote the record does not establish.`);
}

export async function seed(databaseUrl: string): Promise<SeedReport> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 2 }) });
  const report: SeedReport = { campaignsCreated: [], translationsCreated: [], stagesCreated: [], votesCreated: 0, targetsCreated: 0, lettersCreated: [] };
  try {
    for (const name of CAMPAIGNS) {
      const { meta, statement, translations, stages } = readSeed(name);
      await prisma.$transaction(async (tx) => {
        let campaign = await tx.campaign.findUnique({ where: { slug: meta.slug }, select: { id: true } });
        if (!campaign) {
          const { stages: _stages, statementFile: _file, translations: _translations, targets: _targets, letters: _letters, ...fields } = meta;
          campaign = await tx.campaign.create({ data: { ...fields, statement }, select: { id: true } });
          report.campaignsCreated.push(meta.slug);
        }
        for (const translation of translations) {
          const existing = await tx.campaignTranslation.findUnique({ where: { campaignId_locale: { campaignId: campaign.id, locale: translation.locale } }, select: { id: true } });
          if (existing) continue;
          await tx.campaignTranslation.create({ data: { ...translation, campaignId: campaign.id } });
          report.translationsCreated.push(`${meta.slug}/${translation.locale}`);
        }
        // Targets once, while staff have not touched them (an admin who removed them all keeps none).
        const touched = await tx.auditEntry.count({ where: { campaignId: campaign.id, action: { startsWith: "campaign.target." } } });
        if (touched === 0 && (await tx.target.count({ where: { campaignId: campaign.id } })) === 0) {
          await tx.target.createMany({ data: meta.targets.map((target, position) => ({ ...target, position, campaignId: campaign.id })) });
          report.targetsCreated += meta.targets.length;
        }
        for (const letter of meta.letters) {
          const where = { campaignId_locale: { campaignId: campaign.id, locale: letter.locale } };
          if (await tx.campaignLetter.findUnique({ where, select: { locale: true } })) continue;
          await tx.campaignLetter.create({ data: { ...letter, campaignId: campaign.id } });
          report.lettersCreated.push(`${meta.slug}/${letter.locale}`);
        }
        for (const { rows, sources, date, ...stage } of stages) {
          const existing = await tx.voteStage.findUnique({
            where: { campaignId_key: { campaignId: campaign.id, key: stage.key } },
            select: { id: true },
          });
          if (existing) continue;
          await tx.voteStage.create({
            data: {
              ...stage,
              date: new Date(`${date}T00:00:00Z`),
              campaignId: campaign.id,
              sources: { create: sources.map((source, position) => ({ ...source, position })) },
              votes: { createMany: { data: rows } },
            },
          });
          report.stagesCreated.push(`${meta.slug}/${stage.key}`);
          report.votesCreated += rows.length;
        }
      });
    }
  } finally {
    await prisma.$disconnect();
  }
  return report;
}
