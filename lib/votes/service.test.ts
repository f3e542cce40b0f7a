import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCampaign, unique } from "@/lib/test/factories";
import { DomainError } from "@/lib/domain-error";
import { voteStageSchema, type VoteStageInput } from "@/lib/votes/schema";
import { importVoteStage } from "@/lib/votes/service";

// Against the real PostgreSQL of the test setup, with the real plenary vote file.

const PLENARY = readFileSync(path.join(process.cwd(), "prisma/seed/claas-2015/plenary-2015-12-17-A-RES-70-161.csv"), "utf8");

async function createAdmin() {
  return db().adminUser.create({ data: { email: `${unique("admin")}@example.org`, passwordHash: "not-a-hash", role: "ADMIN" }, select: { id: true, email: true } });
}

function stage(overrides: Record<string, string> = {}): VoteStageInput {
  return voteStageSchema.parse({
    key: "plenary",
    body: "UN General Assembly, plenary",
    meeting: "80th meeting",
    date: "2015-12-17",
    documentSymbol: "A/RES/70/161",
    yes: "127",
    no: "14",
    abstain: "41",
    notVoting: "11",
    namesComplete: "on",
    note: "",
    sourceCovers: "Every member's vote",
    sourceCitation: "Erik Voeten, United Nations General Assembly Voting Data",
    sourceUrl: "https://hdl.handle.net/1902.1/12379",
    ...overrides,
  });
}

describe("importVoteStage", () => {
  it("creates the stage, its source, one row per country and an audit entry", async () => {
    const [admin, campaign] = await Promise.all([createAdmin(), createCampaign({ status: "DRAFT" })]);
    const first = await importVoteStage(admin, campaign.id, stage({ key: "committee", namesComplete: "", yes: "120", abstain: "41", notVoting: "11" }), PLENARY.replace(/,yes$/gm, ",unknown"));
    const imported = await importVoteStage(admin, campaign.id, stage(), PLENARY);
    expect(imported).toMatchObject({ campaignSlug: campaign.slug, rows: 193 });

    const stored = await db().voteStage.findUniqueOrThrow({ where: { id: imported.stageId }, include: { sources: true, votes: true } });
    expect(stored).toMatchObject({ key: "plenary", position: 2, yes: 127, no: 14, abstain: 41, notVoting: 11, namesComplete: true, note: null, documentSymbol: "A/RES/70/161" });
    expect(stored.date).toEqual(new Date("2015-12-17T00:00:00Z"));
    expect(stored.sources).toEqual([expect.objectContaining({ position: 0, covers: "Every member's vote", url: "https://hdl.handle.net/1902.1/12379" })]);
    expect(stored.votes).toHaveLength(193);
    expect(stored.votes.find((vote) => vote.iso3 === "PAK")).toMatchObject({ name: "Pakistan", vote: "NO" });
    expect(stored.votes.filter((vote) => vote.vote === "ABSENT")).toHaveLength(11);

    const entries = await db().auditEntry.findMany({ where: { campaignId: campaign.id, action: "votes.import" }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actorId: admin.id, actorEmail: admin.email });
    expect(entries[1]!.details).toMatchObject({ stageId: imported.stageId, key: "plenary", rows: 193, counts: { YES: 127, NO: 14, ABSTAIN: 41, ABSENT: 11, UNKNOWN: 0 } });
    expect(first.rows).toBe(193);
  });

  it("places an imported stage among the others by date", async () => {
    const [admin, campaign] = await Promise.all([createAdmin(), createCampaign()]);
    await importVoteStage(admin, campaign.id, stage(), PLENARY);
    const partial = PLENARY.replace(/,yes$/gm, ",unknown");
    await importVoteStage(admin, campaign.id, stage({ key: "committee", date: "2015-11-25", namesComplete: "" }), partial);
    await importVoteStage(admin, campaign.id, stage({ key: "same-day", namesComplete: "" }), partial);
    const stages = await db().voteStage.findMany({ where: { campaignId: campaign.id }, orderBy: { position: "asc" }, select: { key: true, position: true } });
    expect(stages).toEqual([
      { key: "committee", position: 1 },
      { key: "plenary", position: 2 },
      { key: "same-day", position: 3 },
    ]);
  });

  it("refuses a key the campaign already has, and writes nothing", async () => {
    const [admin, campaign] = await Promise.all([createAdmin(), createCampaign()]);
    await importVoteStage(admin, campaign.id, stage(), PLENARY);
    const error = await importVoteStage(admin, campaign.id, stage({ body: "Again" }), PLENARY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "keyTaken", field: "key" });
    expect(await db().voteStage.count({ where: { campaignId: campaign.id } })).toBe(1);
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "votes.import" } })).toBe(1);
  });

  it("checks the file again and saves nothing that fails the check", async () => {
    const [admin, campaign] = await Promise.all([createAdmin(), createCampaign()]);
    await expect(importVoteStage(admin, campaign.id, stage({ yes: "128" }), PLENARY)).rejects.toMatchObject({ code: "fileInvalid" });
    expect(await db().voteStage.count({ where: { campaignId: campaign.id } })).toBe(0);
  });

  it("writes nothing when the audit entry fails: one transaction", async () => {
    const campaign = await createCampaign();
    await expect(importVoteStage({ id: 2_000_000_000, email: "ghost@example.org" }, campaign.id, stage(), PLENARY)).rejects.toMatchObject({ code: "P2003" });
    expect(await db().voteStage.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await db().countryVote.count({ where: { stage: { campaignId: campaign.id } } })).toBe(0);
  });

  it("reports a campaign that does not exist", async () => {
    await expect(importVoteStage(await createAdmin(), 2_000_000_000, stage(), PLENARY)).rejects.toMatchObject({ code: "campaignNotFound" });
  });
});
