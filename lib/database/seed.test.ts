import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/lib/database/seed";

// Against the real PostgreSQL that the test setup starts (lib/test/global-setup.ts).
const url = process.env.DATABASE_URL!;
const dir = path.join(process.cwd(), "prisma/seed/claas-2015");
const meta = JSON.parse(readFileSync(path.join(dir, "campaign.json"), "utf8"));
const csv = (file: string) =>
  readFileSync(path.join(dir, file), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));

let client: Client;
beforeAll(async () => {
  client = new Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());

describe("seed", () => {
  it("loads the campaign and both stages exactly as the data files say, once", async () => {
    const first = await seed(url);
    expect(first.campaignsCreated).toEqual([meta.slug]);
    expect(first.stagesCreated).toHaveLength(2);
    expect(first.translationsCreated).toEqual([`${meta.slug}/ur`]);

    const { rows } = await client.query(
      `SELECT s.key, v.iso3, v.name, v.vote FROM "CountryVote" v JOIN "VoteStage" s ON s.id = v."stageId"
       JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = $1`,
      [meta.slug],
    );
    for (const stage of meta.stages) {
      const expected = csv(stage.votesFile).map(([iso3, name, vote]) => `${iso3}|${name}|${vote!.toUpperCase()}`).sort();
      const actual = rows.filter((row) => row.key === stage.key).map((row) => `${row.iso3}|${row.name}|${row.vote}`).sort();
      expect(actual).toEqual(expected);
    }
    const committeeYes = rows.filter((row) => row.key === "third-committee" && row.vote === "YES");
    expect(committeeYes).toEqual([]);

    // Only this campaign's stages: other test files add stages to the same database at the same time.
    const { rows: stages } = await client.query(
      `SELECT s.key, s.yes, s.no, s.abstain, s."notVoting", s."documentSymbol" FROM "VoteStage" s JOIN "Campaign" c ON c.id = s."campaignId"
       WHERE c.slug = $1 ORDER BY s.position`,
      [meta.slug],
    );
    expect(stages).toEqual(
      meta.stages.map((s: Record<string, unknown>) => ({ key: s.key, yes: s.yes, no: s.no, abstain: s.abstain, notVoting: s.notVoting, documentSymbol: s.documentSymbol })),
    );

    const { rows: campaigns } = await client.query(`SELECT statement, status FROM "Campaign" WHERE slug = $1`, [meta.slug]);
    expect(campaigns[0].statement).toBe(readFileSync(path.join(dir, "statement.txt"), "utf8").trim());
    expect(campaigns[0].status).toBe("OPEN");
    // The campaign in Urdu: title, summary and the whole statement, as the files say.
    const { rows: translations } = await client.query(
      `SELECT t.locale, t.title, t.summary, t.statement FROM "CampaignTranslation" t JOIN "Campaign" c ON c.id = t."campaignId" WHERE c.slug = $1`,
      [meta.slug],
    );
    expect(translations).toEqual([{ locale: "ur", title: meta.translations[0].title, summary: meta.translations[0].summary, statement: readFileSync(path.join(dir, "statement.ur.txt"), "utf8").trim() }]);
    // As many paragraphs as the original.
    expect(translations[0].statement.split(/\n\n/)).toHaveLength(campaigns[0].statement.split(/\n\n/).length);

    const again = await seed(url);
    expect(again).toEqual({ campaignsCreated: [], translationsCreated: [], stagesCreated: [], votesCreated: 0 });
  });

  it("never overwrites what staff changed", async () => {
    await seed(url);
    await client.query(`UPDATE "Campaign" SET title = 'Edited by staff' WHERE slug = $1`, [meta.slug]);
    await seed(url);
    const { rows } = await client.query(`SELECT title FROM "Campaign" WHERE slug = $1`, [meta.slug]);
    expect(rows[0].title).toBe("Edited by staff");
    await client.query(`UPDATE "Campaign" SET title = $2 WHERE slug = $1`, [meta.slug, meta.title]);
  });
});
