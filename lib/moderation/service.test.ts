import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import { actionsFor, moderate, previewModeration } from "@/lib/moderation/service";
import { confirmedCount, reconcileCounts } from "@/lib/petition/counts";
import { createCampaign, createSignatures, createStaff, unique } from "@/lib/test/factories";

const statusOf = async (id: number) => (await db().signature.findUniqueOrThrow({ where: { id } })).status;

/** The counters must always agree with the rows: a reconciliation finds nothing to correct. */
async function expectCountsConsistent(campaignId: number) {
  const [report] = await reconcileCounts([campaignId]);
  expect(report!.before).toBe(report!.after);
}

describe("moderating one signature", () => {
  it("rejects a confirmed signature, takes it out of the count and audits who, what and why", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff("MODERATOR")]);
    const [signature] = await createSignatures(campaign.id, [{ status: "CONFIRMED" }, { status: "CONFIRMED" }]);
    expect(await confirmedCount(campaign.id)).toBe(2);
    expect(await moderate(moderator, { ids: [signature!.id] }, "reject", { reason: "duplicate person" })).toEqual({ changed: 1 });
    expect(await statusOf(signature!.id)).toBe("REJECTED");
    expect(await confirmedCount(campaign.id)).toBe(1);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { actorId: moderator.id } });
    expect(audit).toMatchObject({ action: "signature.reject", signatureIds: [signature!.id], count: 1, reason: "duplicate person", campaignId: campaign.id, actorEmail: moderator.email });
    await expectCountsConsistent(campaign.id);
  });

  it("restores a rejected signature to what it was, and confirms pending ones by hand", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    const [was, pending] = await createSignatures(campaign.id, [{ status: "CONFIRMED" }, { status: "PENDING" }]);
    await moderate(moderator, { ids: [was!.id] }, "spam");
    await moderate(moderator, { ids: [was!.id] }, "restore");
    expect(await statusOf(was!.id)).toBe("CONFIRMED");
    await moderate(moderator, { ids: [pending!.id] }, "confirm");
    expect(await statusOf(pending!.id)).toBe("CONFIRMED");
    expect(await confirmedCount(campaign.id)).toBe(2);
    await expectCountsConsistent(campaign.id);
  });

  it("hides a comment without touching the signature or the count", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    const [signature] = await createSignatures(campaign.id, [{ status: "CONFIRMED", comment: "rude words" }]);
    await moderate(moderator, { ids: [signature!.id] }, "hide-comment");
    expect(await db().signature.findUniqueOrThrow({ where: { id: signature!.id } })).toMatchObject({ status: "CONFIRMED", commentHidden: true, comment: "rude words" });
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("never changes a withdrawn signature's status", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    const [signature] = await createSignatures(campaign.id, [{ status: "WITHDRAWN" }]);
    expect(await moderate(moderator, { ids: [signature!.id] }, "confirm")).toEqual({ changed: 0 });
    expect(await statusOf(signature!.id)).toBe("WITHDRAWN");
  });

  it("lets only admins delete, and only with a reason", async () => {
    const [campaign, moderator, admin] = await Promise.all([createCampaign(), createStaff("MODERATOR"), createStaff("ADMIN")]);
    const [signature] = await createSignatures(campaign.id, [{ status: "CONFIRMED" }]);
    await expect(moderate(moderator, { ids: [signature!.id] }, "delete", { reason: "asked by signer" })).rejects.toEqual(new DomainError("notAllowed"));
    await expect(moderate(admin, { ids: [signature!.id] }, "delete")).rejects.toEqual(new DomainError("reasonRequired"));
    expect(await moderate(admin, { ids: [signature!.id] }, "delete", { reason: "asked by signer" })).toEqual({ changed: 1 });
    expect(await db().signature.count({ where: { id: signature!.id } })).toBe(0);
    expect(await confirmedCount(campaign.id)).toBe(0);
    await expectCountsConsistent(campaign.id);
  });
});

describe("bulk moderation by filter", () => {
  it("previews the count, applies to exactly those, and records the filter", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    const marker = unique("Bot");
    await createSignatures(campaign.id, [
      { status: "CONFIRMED", fullName: `${marker} One` },
      { status: "PENDING", fullName: `${marker} Two` },
      { status: "WITHDRAWN", fullName: `${marker} Three` },
      { status: "CONFIRMED", fullName: "Real Person" },
    ]);
    const filter = { campaign: campaign.id, q: marker.toLowerCase() };
    expect(await previewModeration({ filter }, "spam")).toBe(2);
    await expect(moderate(moderator, { filter }, "spam", { reason: "bot wave", expectedCount: 3 })).rejects.toEqual(new DomainError("countChanged"));
    expect(await confirmedCount(campaign.id)).toBe(2);
    expect(await moderate(moderator, { filter }, "spam", { reason: "bot wave", expectedCount: 2 })).toEqual({ changed: 2 });
    expect(await confirmedCount(campaign.id)).toBe(1);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { actorId: moderator.id, action: "signature.spam" } });
    expect(audit.count).toBe(2);
    expect(audit.filter).toEqual(filter);
    expect(audit.signatureIds).toHaveLength(2);
    await expectCountsConsistent(campaign.id);
  });

  it("requires a reason for changes to several signatures", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    await expect(moderate(moderator, { filter: { campaign: campaign.id } }, "reject")).rejects.toEqual(new DomainError("reasonRequired"));
  });
});

describe("actionsFor", () => {
  it("offers what the status allows, the comment's action only when it would change something, deletion to admins", () => {
    expect(actionsFor({ status: "CONFIRMED", comment: null, commentHidden: false }, "MODERATOR")).toEqual(["reject", "spam"]);
    expect(actionsFor({ status: "CONFIRMED", comment: "Hi", commentHidden: false }, "ADMIN")).toEqual(["reject", "spam", "hide-comment", "delete"]);
    expect(actionsFor({ status: "REJECTED", comment: "Hi", commentHidden: true }, "MODERATOR")).toEqual(["confirm", "spam", "restore", "show-comment"]);
    expect(actionsFor({ status: "WITHDRAWN", comment: "Hi", commentHidden: false }, "MODERATOR")).toEqual(["hide-comment"]);
  });
});
