import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/domain-error";
import { campaignSchema, type CampaignInput } from "@/lib/campaigns/schema";
import { createCampaign, updateCampaign } from "@/lib/campaigns/service";
import { db } from "@/lib/db";
import { unique } from "@/lib/test/factories";

// Against the real PostgreSQL of the test setup. Each test makes its own admin and campaigns.

async function createAdmin() {
  return db().adminUser.create({ data: { email: `${unique("admin")}@example.org`, passwordHash: "not-a-hash", role: "ADMIN" }, select: { id: true, email: true } });
}

function input(overrides: Record<string, string> = {}): CampaignInput {
  return campaignSchema.parse({
    title: "Free the defenders",
    slug: unique("defenders"),
    summary: "A summary.",
    organisation: "Test organisation",
    statementDate: "2015-11",
    statement: "First paragraph.\n\nSecond paragraph.",
    sourceName: "A source",
    sourceUrl: "https://example.org/source",
    goal: "500",
    deadline: "2030-06-01T12:00",
    status: "DRAFT",
    ...overrides,
  });
}

const auditOf = (campaignId: number) => db().auditEntry.findMany({ where: { campaignId }, orderBy: { id: "asc" } });

describe("createCampaign", () => {
  it("stores the campaign and its audit entry", async () => {
    const admin = await createAdmin();
    const data = input();
    const saved = await createCampaign(admin, data);
    const stored = await db().campaign.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored).toMatchObject({ slug: data.slug, title: "Free the defenders", goal: 500, status: "DRAFT", closedAt: null, sourceUrl: "https://example.org/source" });
    expect(stored.deadline).toEqual(new Date("2030-06-01T12:00:00Z"));
    const [entry, ...more] = await auditOf(saved.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ action: "campaign.create", actorId: admin.id, actorEmail: admin.email });
    expect(entry!.details).toMatchObject({ after: { slug: data.slug, status: "DRAFT", deadline: "2030-06-01T12:00:00.000Z" } });
  });

  it("writes the audit entry in the campaign's transaction: when it fails, no campaign is left", async () => {
    const data = input();
    // An actor that does not exist breaks the audit entry's foreign key, after the campaign was inserted.
    await expect(createCampaign({ id: 2_000_000_000, email: "ghost@example.org" }, data)).rejects.toMatchObject({ code: "P2003" });
    expect(await db().campaign.findUnique({ where: { slug: data.slug } })).toBeNull();
  });

  it("refuses a slug in use with an error on the slug field, and writes nothing", async () => {
    const admin = await createAdmin();
    const first = await createCampaign(admin, input());
    const title = unique("another");
    const error = await createCampaign(admin, input({ slug: first.slug, title })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "slugTaken", field: "slug" });
    expect(await db().campaign.count({ where: { title } })).toBe(0);
    // Only the first campaign's entry: other test files write to the same database at the same time.
    expect(await db().auditEntry.count({ where: { actorId: admin.id } })).toBe(1);
  });

  it("sets closedAt when a campaign is created closed", async () => {
    const saved = await createCampaign(await createAdmin(), input({ status: "CLOSED" }));
    expect((await db().campaign.findUniqueOrThrow({ where: { id: saved.id } })).closedAt).toBeInstanceOf(Date);
  });
});

describe("updateCampaign", () => {
  it("records the changed fields, with before and after, in an audit entry", async () => {
    const admin = await createAdmin();
    const data = input();
    const { id } = await createCampaign(admin, data);
    const saved = await updateCampaign(admin, id, { ...data, title: "A new title", goal: 750, statement: "Rewritten." });
    expect(saved.changed).toEqual(["title", "statement", "goal"]);
    expect(await db().campaign.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "A new title", goal: 750, statement: "Rewritten." });
    const entries = await auditOf(id);
    expect(entries.map((entry) => entry.action)).toEqual(["campaign.create", "campaign.update"]);
    // The statement is named as changed; its text is not copied into the log.
    expect(entries[1]!.details).toEqual({ changed: ["title", "statement", "goal"], before: { title: "Free the defenders", goal: 500 }, after: { title: "A new title", goal: 750 } });
  });

  it("writes nothing when nothing changed", async () => {
    const admin = await createAdmin();
    const data = input();
    const { id } = await createCampaign(admin, data);
    expect((await updateCampaign(admin, id, data)).changed).toEqual([]);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it("rolls the update back when its audit entry cannot be written", async () => {
    const data = input();
    const { id } = await createCampaign(await createAdmin(), data);
    await expect(updateCampaign({ id: 2_000_000_000, email: "ghost@example.org" }, id, { ...data, title: "Lost" })).rejects.toMatchObject({ code: "P2003" });
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).title).toBe("Free the defenders");
  });

  it("sets closedAt when the status becomes CLOSED and clears it when reopened", async () => {
    const admin = await createAdmin();
    const data = input({ status: "OPEN" });
    const { id } = await createCampaign(admin, data);
    const before = Date.now();
    await updateCampaign(admin, id, { ...data, status: "CLOSED" });
    const closed = await db().campaign.findUniqueOrThrow({ where: { id } });
    expect(closed.status).toBe("CLOSED");
    expect(closed.closedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    await updateCampaign(admin, id, { ...data, status: "OPEN" });
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).closedAt).toBeNull();
    expect((await auditOf(id)).at(-1)!.details).toMatchObject({ changed: ["status"], before: { status: "CLOSED" }, after: { status: "OPEN" } });
  });

  it("refuses another campaign's slug and keeps its own", async () => {
    const admin = await createAdmin();
    const other = await createCampaign(admin, input());
    const data = input();
    const { id } = await createCampaign(admin, data);
    await expect(updateCampaign(admin, id, { ...data, slug: other.slug })).rejects.toMatchObject({ code: "slugTaken", field: "slug" });
    expect((await db().campaign.findUniqueOrThrow({ where: { id } })).slug).toBe(data.slug);
    expect(await auditOf(id)).toHaveLength(1);
  });

  it("reports a campaign that does not exist", async () => {
    await expect(updateCampaign(await createAdmin(), 2_000_000_000, input())).rejects.toMatchObject({ code: "notFound" });
  });
});
