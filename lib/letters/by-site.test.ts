import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/domain-error";
import type { MailMessage } from "@/lib/email/mailer";
import { lettersBySiteFor, lettersPerTargetPerHour, sendLetterBySite } from "@/lib/letters/by-site";
import { targetsForAdmin } from "@/lib/letters/queries";
import { targetSchema } from "@/lib/letters/schema";
import { saveTarget, setLettersBySite } from "@/lib/letters/service";
import { daysFromNow, newToken } from "@/lib/petition/tokens";
import { createCampaign, createSignatures, createStaff } from "@/lib/test/factories";

// Against the real PostgreSQL of the test setup: a signer's letter sent by the site, from the link to
// their data, queued at the target's next slot of its drip.

async function setUp(options: { on?: boolean; email?: string | null } = {}) {
  const campaign = await createCampaign();
  const admin = await createStaff("ADMIN");
  const email = options.email === undefined ? "office@example.org" : options.email;
  await saveTarget(admin, campaign.id, null, targetSchema.parse({ name: "Foreign Office", role: "Decides.", position: "0", ...(email ? { email, contactSource: "https://example.org" } : {}) }));
  if (options.on ?? true) await setLettersBySite(admin, campaign.id, true);
  const [target] = await db().target.findMany({ where: { campaignId: campaign.id } });
  return { campaign, admin, target: target! };
}

/** A signer of the campaign and the link to their data (an ACCESS token, as the confirmation mail carries). */
async function signer(campaignId: number, status: "CONFIRMED" | "PENDING" = "CONFIRMED") {
  const [signature] = await createSignatures(campaignId, [{ status, fullName: "Hina Jilani" }]);
  const token = newToken();
  await db().signatureToken.create({ data: { signatureId: signature!.id, purpose: "ACCESS", tokenHash: token.hash, expiresAt: daysFromNow(30) } });
  return { ...signature!, token: token.token };
}

const letter = { subject: "Your vote", body: "Please vote for the resolution." };
const queuedTo = (address: string) => db().mailOutbox.findMany({ where: { kind: "letter", message: { path: ["to"], equals: address } }, orderBy: { id: "asc" } });

describe("letters sent by the site", () => {
  it("queue the signer's letter to the target with their address to reply to, one slot of the drip apart", async () => {
    const email = `office-${Date.now()}@example.org`;
    const { campaign, target } = await setUp({ email });
    const first = await signer(campaign.id);
    const second = await signer(campaign.id);
    const env = { LETTERS_PER_TARGET_PER_HOUR: "60" };
    const a = await sendLetterBySite(first.token, target.id, letter, env);
    const b = await sendLetterBySite(second.token, target.id, letter, env);
    // 60 an hour: the second waits a minute after the first.
    expect(b.at.getTime() - a.at.getTime()).toBe(60_000);
    const queued = await queuedTo(email);
    expect(queued.map((mail) => mail.nextAttemptAt.getTime())).toEqual([a.at.getTime(), b.at.getTime()]);
    const message = queued[0]!.message as unknown as MailMessage;
    expect(message).toMatchObject({ to: email, replyTo: first.email, subject: "Your vote" });
    expect(message.text).toContain("Please vote for the resolution.");
    expect(message.text).toContain("Written by Hina Jilani, a confirmed signer of the petition");
    expect((await targetsForAdmin(campaign.id))[0]!.letters).toEqual({ mailApp: 0, server: 2 });
  });

  it("send one letter per signer and target", async () => {
    const { campaign, target } = await setUp();
    const one = await signer(campaign.id);
    await sendLetterBySite(one.token, target.id, letter);
    await expect(sendLetterBySite(one.token, target.id, letter)).rejects.toEqual(new DomainError("alreadySent"));
  });

  it("leave the signer their letter when nothing could be queued (the database busy)", async () => {
    const { campaign, target } = await setUp();
    const one = await signer(campaign.id);
    const busy = vi.spyOn(db(), "$transaction").mockRejectedValueOnce(new Error("busy"));
    await expect(sendLetterBySite(one.token, target.id, letter)).rejects.toThrow("busy");
    busy.mockRestore();
    await sendLetterBySite(one.token, target.id, letter);
    expect((await targetsForAdmin(campaign.id))[0]!.letters.server).toBe(1);
  });

  it("are refused when staff have not turned them on, to an unconfirmed signer, with a wrong link, or to a target without an address", async () => {
    const off = await setUp({ on: false });
    const offSigner = await signer(off.campaign.id);
    await expect(sendLetterBySite(offSigner.token, off.target.id, letter)).rejects.toEqual(new DomainError("notOffered"));
    expect(await lettersBySiteFor(offSigner.token)).toBeNull();

    const on = await setUp();
    await expect(sendLetterBySite((await signer(on.campaign.id, "PENDING")).token, on.target.id, letter)).rejects.toEqual(new DomainError("notConfirmed"));
    await expect(sendLetterBySite("x".repeat(43), on.target.id, letter)).rejects.toEqual(new DomainError("linkInvalid"));
    // Another campaign's target is not this signer's to write to.
    await expect(sendLetterBySite((await signer(on.campaign.id)).token, off.target.id, letter)).rejects.toEqual(new DomainError("noAddress"));

    const noAddress = await setUp({ email: null });
    const noAddressSigner = await signer(noAddress.campaign.id);
    await expect(sendLetterBySite(noAddressSigner.token, noAddress.target.id, letter)).rejects.toEqual(new DomainError("noAddress"));
    expect(await lettersBySiteFor(noAddressSigner.token)).toBeNull();
    expect(await db().letterCount.count({ where: { targetId: { in: [off.target.id, on.target.id, noAddress.target.id] } } })).toBe(0);
  });

  it("offer the signer the campaign's targets with an address, when on; turning it on and off is audited", async () => {
    const { campaign, admin, target } = await setUp();
    const one = await signer(campaign.id);
    expect(await lettersBySiteFor(one.token)).toEqual({ campaign: expect.objectContaining({ id: campaign.id }), targets: [{ id: target.id, name: "Foreign Office", role: "Decides." }] });
    await setLettersBySite(admin, campaign.id, false);
    expect(await setLettersBySite(admin, campaign.id, false)).toEqual({ changed: false });
    expect(await db().auditEntry.findMany({ where: { campaignId: campaign.id, action: "campaign.letters.by-site" }, select: { details: true }, orderBy: { id: "asc" } })).toEqual([{ details: { on: true } }, { details: { on: false } }]);
  });

  it("read their drip from LETTERS_PER_TARGET_PER_HOUR", () => {
    expect(lettersPerTargetPerHour({})).toBe(20);
    expect(lettersPerTargetPerHour({ LETTERS_PER_TARGET_PER_HOUR: "5" })).toBe(5);
    for (const bad of ["0", "3601", "2.5", "many"]) expect(() => lettersPerTargetPerHour({ LETTERS_PER_TARGET_PER_HOUR: bad })).toThrow(/LETTERS_PER_TARGET_PER_HOUR/);
  });
});
