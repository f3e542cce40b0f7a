import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { LETTER_COUNT_RATE } from "@/lib/letters/letter";
import { afterSigningPaths, publicTargets, targetsForAdmin } from "@/lib/letters/queries";
import { targetSchema } from "@/lib/letters/schema";
import { countShareAnswer, deleteTarget, saveCampaignLetter, saveTarget } from "@/lib/letters/service";
import { CLIENT_ADDRESS_HEADER, markFrontServer } from "@/lib/net/client-address";
import { createCampaign, createStaff, uniqueAddress } from "@/lib/test/factories";
import { POST } from "@/app/[locale]/(site)/c/[slug]/write/[target]/route";

// Against the real PostgreSQL of the test setup. The route is called as Next calls it, behind the
// front server (whose header names the client's address).
markFrontServer();

const target = (overrides: Record<string, string> = {}) => targetSchema.parse({ name: "Ministry of Foreign Affairs", role: "Decides the vote.", position: "0", ...overrides });

async function campaignWithTarget(status: "OPEN" | "CLOSED" | "DRAFT" = "OPEN", email?: string) {
  const campaign = await createCampaign({ status });
  const admin = await createStaff("ADMIN");
  await saveTarget(admin, campaign.id, null, target(email ? { email, contactSource: "https://example.org/contacts" } : {}));
  const [created] = await db().target.findMany({ where: { campaignId: campaign.id } });
  return { campaign, admin, target: created! };
}

function post(locale: string, slug: string, targetId: number | string, fields: Record<string, string>, address = uniqueAddress()) {
  const body = new URLSearchParams(fields);
  const request = new NextRequest(`http://site.test/${locale}/c/${slug}/write/${targetId}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/x-www-form-urlencoded", [CLIENT_ADDRESS_HEADER]: address },
  });
  return POST(request, { params: Promise.resolve({ locale, slug, target: String(targetId) }) });
}

const lettersTo = async (targetId: number) => (await db().letterCount.aggregate({ where: { targetId }, _sum: { count: true } }))._sum.count ?? 0;

describe("the staff's targets", () => {
  it("adds, changes and removes a target, each audited; an unchanged save writes nothing", async () => {
    const { campaign, admin, target: created } = await campaignWithTarget();
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "campaign.target.create" } })).toBe(1);

    expect(await saveTarget(admin, campaign.id, created.id, target())).toEqual({ created: false, changed: false });
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "campaign.target.update" } })).toBe(0);

    await saveTarget(admin, campaign.id, created.id, target({ email: "fm@example.org", contactSource: "Official site, contacts page" }));
    const [update] = await db().auditEntry.findMany({ where: { campaignId: campaign.id, action: "campaign.target.update" } });
    expect(update!.details).toMatchObject({ targetId: created.id, changed: ["email", "contactSource"], before: { email: null }, after: { email: "fm@example.org" } });
    expect(await publicTargets(campaign.id)).toEqual([expect.objectContaining({ id: created.id, email: "fm@example.org", contactSource: "Official site, contacts page" })]);

    await deleteTarget(admin, campaign.id, created.id);
    expect(await db().target.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "campaign.target.delete" } })).toBe(1);
  });

  it("refuses an address without its source, and another campaign's target", async () => {
    const parsed = targetSchema.safeParse({ name: "A", role: "B", position: "0", email: "a@example.org", contactSource: "" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ["contactSource"], message: "sourceRequired" })]);

    const first = await campaignWithTarget();
    const other = await createCampaign();
    await expect(saveTarget(first.admin, other.id, first.target.id, target({ name: "Changed" }))).rejects.toEqual(new DomainError("targetNotFound"));
    await expect(deleteTarget(first.admin, other.id, first.target.id)).rejects.toEqual(new DomainError("targetNotFound"));
    expect((await db().target.findUnique({ where: { id: first.target.id } }))!.name).toBe("Ministry of Foreign Affairs");
  });

  it("saves the suggested letter per language, audited once per change", async () => {
    const { campaign, admin } = await campaignWithTarget();
    const letter = { locale: "ur" as const, subject: "موضوع", body: "محترم [target]،" };
    expect(await saveCampaignLetter(admin, campaign.id, letter)).toEqual({ changed: true });
    expect(await saveCampaignLetter(admin, campaign.id, letter)).toEqual({ changed: false });
    expect(await saveCampaignLetter(admin, campaign.id, { ...letter, body: "نیا متن" })).toEqual({ changed: true });
    expect(await db().auditEntry.count({ where: { campaignId: campaign.id, action: "campaign.letter.save" } })).toBe(2);
    expect(await db().campaignLetter.findMany({ where: { campaignId: campaign.id }, select: { locale: true, body: true } })).toEqual([{ locale: "ur", body: "نیا متن" }]);
  });
});

describe("POST /{locale}/c/{slug}/write/{target}", () => {
  it("answers with the letter as a mailto: link to the published address, and counts it", async () => {
    const { campaign, target: created } = await campaignWithTarget("OPEN", "fm@example.org");
    const response = await post("en", campaign.slug, created.id, { subject: "Your vote", body: "Dear Minister,\n\nPlease vote yes." });
    expect(response.status).toBe(303);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = response.headers.get("location")!;
    expect(location).toBe(`mailto:fm@example.org?subject=Your%20vote&body=${encodeURIComponent("Dear Minister,\r\n\r\nPlease vote yes.")}`);
    expect(await lettersTo(created.id)).toBe(1);
    expect((await targetsForAdmin(campaign.id))[0]!.letters).toEqual({ mailApp: 1, server: 0 });
  });

  it("refuses an empty or overlong letter with a page that says why, and counts nothing", async () => {
    const { campaign, target: created } = await campaignWithTarget();
    const empty = await post("en", campaign.slug, created.id, { subject: "  ", body: "text" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("The subject is empty.");
    const long = await post("ur", campaign.slug, created.id, { subject: "x", body: "y".repeat(4001) });
    expect(long.status).toBe(400);
    const html = await long.text();
    expect(html).toContain('lang="ur" dir="rtl"');
    expect(html).toContain("خط 4,000 حروف سے لمبا ہے۔");
    expect(html).toContain(`href="/ur/c/${campaign.slug}/write"`);
    expect((await post("en", campaign.slug, created.id, {})).status).toBe(400);
    expect(await lettersTo(created.id)).toBe(0);
  });

  it("knows only a public campaign's own targets", async () => {
    const draft = await campaignWithTarget("DRAFT");
    expect((await post("en", draft.campaign.slug, draft.target.id, { subject: "a", body: "b" })).status).toBe(404);
    const open = await campaignWithTarget();
    expect((await post("en", open.campaign.slug, draft.target.id, { subject: "a", body: "b" })).status).toBe(404);
    expect((await post("en", open.campaign.slug, "1e3", { subject: "a", body: "b" })).status).toBe(404);
    expect((await post("xx", open.campaign.slug, open.target.id, { subject: "a", body: "b" })).status).toBe(404);
    // A closed campaign's targets can still be written to: the record stands after the petition.
    const closed = await campaignWithTarget("CLOSED");
    expect((await post("en", closed.campaign.slug, closed.target.id, { subject: "a", body: "b" })).status).toBe(303);
    expect(await lettersTo(draft.target.id)).toBe(0);
  });

  it("stops counting one network's letters to a target past the hourly limit, and still opens them", async () => {
    const { campaign, target: created } = await campaignWithTarget();
    const address = uniqueAddress();
    for (let i = 0; i < LETTER_COUNT_RATE.points + 3; i++) {
      expect((await post("en", campaign.slug, created.id, { subject: "a", body: "b" }, address)).status).toBe(303);
    }
    expect(await lettersTo(created.id)).toBe(LETTER_COUNT_RATE.points);
    // Another network (another signer behind another carrier) is counted.
    await post("en", campaign.slug, created.id, { subject: "a", body: "b" });
    expect(await lettersTo(created.id)).toBe(LETTER_COUNT_RATE.points + 1);
  });
});

describe("the thank-you page's answers", () => {
  it("are counted per campaign, beside the letters", async () => {
    const { campaign, target: created } = await campaignWithTarget();
    await Promise.all([countShareAnswer(campaign.id, "SHARE"), countShareAnswer(campaign.id, "SHARE"), countShareAnswer(campaign.id, "WRITE")]);
    await post("en", campaign.slug, created.id, { subject: "a", body: "b" });
    expect(await afterSigningPaths(campaign.id)).toEqual({ SHARE: 2, WRITE: 1, letters: 1 });
  });
});
