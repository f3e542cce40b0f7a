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

    // The targets, without any address (no shipped source publishes one), and the letters in both languages.
    expect(first.targetsCreated).toBe(2);
    expect(first.lettersCreated).toEqual([`${meta.slug}/en`, `${meta.slug}/ur`]);
    const { rows: targets } = await client.query(
      `SELECT t.name, t.email, t."contactSource" FROM "Target" t JOIN "Campaign" c ON c.id = t."campaignId" WHERE c.slug = $1 ORDER BY t.position`,
      [meta.slug],
    );
    expect(targets).toEqual(meta.targets.map((target: { name: string }) => ({ name: target.name, email: null, contactSource: null })));
    const { rows: letters } = await client.query(`SELECT l.locale, l.body FROM "CampaignLetter" l JOIN "Campaign" c ON c.id = l."campaignId" WHERE c.slug = $1 ORDER BY l.locale`, [meta.slug]);
    expect(letters.map((letter) => letter.locale)).toEqual(["en", "ur"]);
    for (const letter of letters) expect(letter.body).toContain("[target]");

    const again = await seed(url);
    expect(again).toEqual({ campaignsCreated: [], translationsCreated: [], stagesCreated: [], votesCreated: 0, targetsCreated: 0, lettersCreated: [] });
  });

  it("does not bring back targets that staff removed", async () => {
    await seed(url);
    const { rows } = await client.query(`SELECT id FROM "Campaign" WHERE slug = $1`, [meta.slug]);
    const campaignId = rows[0].id;
    await client.query(`DELETE FROM "Target" WHERE "campaignId" = $1`, [campaignId]);
    await client.query(`INSERT INTO "AuditEntry" (action, "campaignId", "signatureIds") VALUES ('campaign.target.delete', $1, '{}')`, [campaignId]);
    expect((await seed(url)).targetsCreated).toBe(0);
    expect((await client.query(`SELECT count(*)::int AS n FROM "Target" WHERE "campaignId" = $1`, [campaignId])).rows[0].n).toBe(0);
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
