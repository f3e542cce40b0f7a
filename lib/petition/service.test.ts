import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/email/outbox";
import { recipientKey } from "@/lib/email/queue";
import { confirmedByCountry, confirmedCount, reconcileCounts } from "@/lib/petition/counts";
import { DomainError } from "@/lib/domain-error";
import { describeToken } from "@/lib/petition/queries";
import type { SignatureInput } from "@/lib/petition/schema";
import { canonicalEmail } from "@/lib/petition/normalise";
import { confirmSignature, MAX_REPEAT_MAILS_PER_ADDRESS_PER_DAY, MAX_REPEAT_MAILS_PER_DAY, signPetition, withdrawSignature } from "@/lib/petition/service";
import { computeIntegrityReport } from "@/lib/privacy/integrity";
import { ownData } from "@/lib/privacy/own-data";
import { anonymiseExpiredCampaigns } from "@/lib/privacy/retention";
import { createCampaign, sendQueuedMail, unique, uniqueAddress } from "@/lib/test/factories";

// Against the real PostgreSQL of the test setup; mail goes to an outbox in a temporary DATA_DIR, and
// the links are read back from the mails, as a signer would.
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-petition-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.SMTP_URL;
  process.env.APP_URL = "http://petition.test";
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const signer = (overrides: Partial<SignatureInput> = {}): SignatureInput => ({
  fullName: "Amina Khan",
  email: `${unique("amina")}@example.org`,
  country: "PAK",
  comment: null,
  showName: true,
  mayContact: false,
  ...overrides,
});

// Mail is queued by signing and sent by a worker (lib/email/queue.ts): the tests send what is due first.
async function mailsTo(email: string) {
  await sendQueuedMail(email);
  return (await listOutbox(1000)).filter((mail) => mail.to.includes(email));
}

async function linksFor(email: string): Promise<{ confirm: string[]; withdraw: string[]; data: string[] }> {
  await sendQueuedMail(email);
  const mails = (await listOutbox(1000)).filter((mail) => mail.to.includes(email));
  const tokens = (kind: string) => mails.flatMap((mail) => [...mail.text.matchAll(new RegExp(`http://petition\\.test/en/${kind}/([\\w-]{43})`, "g"))].map((m) => m[1]!));
  return { confirm: [...new Set(tokens("confirm"))], withdraw: [...new Set(tokens("withdraw"))], data: [...new Set(tokens("my-data"))] };
}

const rows = (campaignId: number) => db().signature.findMany({ where: { campaignId } });

// Each call from an address of its own: these tests are about signing, not about rate limits
// (those are in defences.test.ts).
const signingContext = () => ({ locale: "en", clientAddress: uniqueAddress() });

describe("signing", () => {
  it("stores a pending, normalised signature and mails a confirmation with hashed tokens", async () => {
    const campaign = await createCampaign();
    const email = `${unique("Jane.Doe")}+petition@Example.org`;
    const outcome = await signPetition(campaign.slug, signer({ email: email.toLowerCase() }), signingContext());
    expect(outcome).toEqual({ kind: "accepted" });
    const [row] = await rows(campaign.id);
    expect(row).toMatchObject({ status: "PENDING", email: email.toLowerCase(), emailCanonical: email.toLowerCase().replace("+petition", ""), country: "PAK" });
    const { confirm, withdraw } = await linksFor(email.toLowerCase());
    expect(confirm).toHaveLength(1);
    expect(withdraw).toHaveLength(1);
    const stored = await db().signatureToken.findMany({ where: { signatureId: row!.id } });
    expect(stored.map((token) => token.tokenHash)).not.toContain(confirm[0]);
    expect(stored.every((token) => /^[0-9a-f]{64}$/.test(token.tokenHash))).toBe(true);
  });

  it("treats the same person as one signer whatever the spelling: a new link replaces the old one", async () => {
    const campaign = await createCampaign();
    const local = unique("janedoe").replace("-", "");
    expect(await signPetition(campaign.slug, signer({ email: `${local}@gmail.com` }), signingContext())).toEqual({ kind: "accepted" });
    const first = (await linksFor(`${local}@gmail.com`)).confirm;
    const dotted = `${local.slice(0, 3)}.${local.slice(3)}+again@googlemail.com`;
    expect(await signPetition(campaign.slug, signer({ email: dotted, fullName: "Jane Doe" }), signingContext())).toEqual({ kind: "accepted" });
    expect(await rows(campaign.id)).toMatchObject([{ fullName: "Jane Doe", email: dotted, status: "PENDING" }]);
    const second = (await linksFor(dotted)).confirm;
    expect(second).toHaveLength(1);
    // Only the newest link confirms: whoever typed the address last, only its owner can make it count.
    expect(await confirmSignature(first[0]!)).toEqual({ kind: "invalid" });
    expect(await confirmSignature(second[0]!)).toMatchObject({ kind: "confirmed" });
  });

  it("keeps exactly one row when 50 identical submissions race, every caller gets the same answer, and mails stay capped", async () => {
    const campaign = await createCampaign();
    const input = signer();
    const context = signingContext(); // one network
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => signPetition(campaign.slug, input, context)));
    expect(outcomes.every((outcome) => outcome.kind === "accepted")).toBe(true);
    expect(await rows(campaign.id)).toHaveLength(1);
    // The first mail, and the network's allowance of repeats (one more when the attempt that created
    // the row was not among the first counted).
    const mails = await db().mailOutbox.count({ where: { recipientKey: recipientKey(canonicalEmail(input.email)) } });
    expect(mails).toBeGreaterThanOrEqual(1 + MAX_REPEAT_MAILS_PER_DAY);
    expect(mails).toBeLessThanOrEqual(2 + MAX_REPEAT_MAILS_PER_DAY);
  });

  it("mails repeats from one network at most a few times a day; past that the attempt changes nothing", async () => {
    const campaign = await createCampaign();
    const input = signer();
    const stranger = signingContext();
    await signPetition(campaign.slug, input, stranger);
    for (let attempt = 0; attempt < MAX_REPEAT_MAILS_PER_DAY + 2; attempt++) {
      expect(await signPetition(campaign.slug, { ...input, fullName: `Attempt ${attempt}` }, stranger)).toEqual({ kind: "accepted" });
    }
    expect(await mailsTo(input.email)).toHaveLength(1 + MAX_REPEAT_MAILS_PER_DAY);
    // The last accepted repeat is what is stored; the ones past the cap changed nothing.
    expect((await rows(campaign.id))[0]).toMatchObject({ fullName: `Attempt ${MAX_REPEAT_MAILS_PER_DAY - 1}` });

    // The address's owner, on another network, is not held back by what the stranger used up.
    await signPetition(campaign.slug, { ...input, fullName: "The Owner" }, signingContext());
    expect((await rows(campaign.id))[0]).toMatchObject({ fullName: "The Owner" });
    const links = (await linksFor(input.email)).confirm; // newest first
    expect(await confirmSignature(links[0]!)).toMatchObject({ kind: "confirmed" });
  });

  it("caps an address's repeat mails across networks too", async () => {
    const campaign = await createCampaign();
    const input = signer();
    for (let attempt = 0; attempt < MAX_REPEAT_MAILS_PER_ADDRESS_PER_DAY + 3; attempt++) await signPetition(campaign.slug, input, signingContext());
    expect(await mailsTo(input.email)).toHaveLength(1 + MAX_REPEAT_MAILS_PER_ADDRESS_PER_DAY);
  });

  it("lets the owner sign when a moderator rejected an unconfirmed submission of their address, not when they rejected a confirmed one", async () => {
    const campaign = await createCampaign();
    const typedByRobot = signer();
    await signPetition(campaign.slug, typedByRobot, signingContext());
    await db().signature.updateMany({ where: { campaignId: campaign.id, email: typedByRobot.email }, data: { status: "SPAM", statusReason: "moderator" } });
    await signPetition(campaign.slug, { ...typedByRobot, fullName: "The Owner" }, signingContext());
    expect((await rows(campaign.id))[0]).toMatchObject({ fullName: "The Owner", status: "PENDING" });

    const confirmedThenRejected = signer();
    await signPetition(campaign.slug, confirmedThenRejected, signingContext());
    const links = await linksFor(confirmedThenRejected.email);
    await confirmSignature(links.confirm[0]!);
    await db().signature.updateMany({ where: { campaignId: campaign.id, email: confirmedThenRejected.email }, data: { status: "REJECTED", statusReason: "moderator" } });
    // Withdrawing keeps the moderator's decision (it never counts), so it cannot be signed again.
    expect(await withdrawSignature(links.withdraw[0]!)).toMatchObject({ kind: "withdrawn" });
    await signPetition(campaign.slug, confirmedThenRejected, signingContext());
    expect(await db().signature.findFirst({ where: { campaignId: campaign.id, email: confirmedThenRejected.email } })).toMatchObject({ status: "REJECTED" });
    const last = (await mailsTo(confirmedThenRejected.email))[0]!; // newest first
    expect(last.subject).toContain("About your signature");
  });

  it("keeps a pending signature pending when its signer sends it again from the same network at once", async () => {
    const campaign = await createCampaign();
    const input = signer();
    const context = signingContext(); // one network: the second attempt is past its burst limit
    await signPetition(campaign.slug, input, context);
    await signPetition(campaign.slug, { ...input, fullName: "Amina K." }, context);
    expect(await rows(campaign.id)).toMatchObject([{ fullName: "Amina K.", status: "PENDING", reasonCode: null }]);
    // A new address from that network now is past the limit, and quarantined.
    const other = signer();
    await signPetition(campaign.slug, other, context);
    expect(await db().signature.findFirst({ where: { campaignId: campaign.id, email: other.email } })).toMatchObject({ status: "QUARANTINED", reasonCode: "RATE_LIMIT" });
  });

  it("refuses closed campaigns and campaigns past their deadline, writing nothing", async () => {
    const closed = await createCampaign({ status: "CLOSED" });
    const expired = await createCampaign({ deadline: new Date(Date.now() - 1000) });
    const draft = await createCampaign({ status: "DRAFT" });
    await expect(signPetition(closed.slug, signer(), signingContext())).rejects.toEqual(new DomainError("campaignClosed"));
    await expect(signPetition(expired.slug, signer(), signingContext())).rejects.toEqual(new DomainError("campaignClosed"));
    await expect(signPetition(draft.slug, signer(), signingContext())).rejects.toEqual(new DomainError("campaignNotFound"));
    expect(await db().signature.count({ where: { campaignId: { in: [closed.id, expired.id, draft.id] } } })).toBe(0);
  });
});

describe("confirming and withdrawing", () => {
  async function signed(campaignSlug: string, overrides: Partial<SignatureInput> = {}) {
    const input = signer(overrides);
    await signPetition(campaignSlug, input, signingContext());
    const links = await linksFor(input.email);
    return { confirm: links.confirm[0]!, withdraw: links.withdraw[0]! };
  }

  it("confirms once with a valid link and counts it; the link cannot be used again", async () => {
    const campaign = await createCampaign();
    const { confirm } = await signed(campaign.slug);
    expect(await describeToken(confirm, "CONFIRM")).toMatchObject({ status: "PENDING", used: false, expired: false });
    expect(await confirmedCount(campaign.id)).toBe(0);
    expect(await confirmSignature(confirm)).toMatchObject({ kind: "confirmed", slug: campaign.slug });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await confirmSignature(confirm)).toMatchObject({ kind: "already-confirmed", slug: campaign.slug });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect((await rows(campaign.id))[0]).toMatchObject({ status: "CONFIRMED" });
  });

  it("refuses tampered, wrong-purpose and expired links, changing nothing", async () => {
    const campaign = await createCampaign();
    const { confirm, withdraw } = await signed(campaign.slug);
    const tampered = (confirm[0] === "A" ? "B" : "A") + confirm.slice(1);
    expect(await confirmSignature(tampered)).toEqual({ kind: "invalid" });
    expect(await confirmSignature("short")).toEqual({ kind: "invalid" });
    expect(await confirmSignature(withdraw)).toEqual({ kind: "invalid" });
    await db().signatureToken.updateMany({ where: { signature: { campaignId: campaign.id } }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await confirmSignature(confirm)).toEqual({ kind: "expired" });
    expect((await rows(campaign.id))[0]).toMatchObject({ status: "PENDING", confirmedAt: null });
    expect(await confirmedCount(campaign.id)).toBe(0);
  });

  it("counts confirmations for a day after the campaign closes, then none: the link says it closed", async () => {
    const campaign = await createCampaign();
    const early = await signed(campaign.slug);
    const late = await signed(campaign.slug);
    const heldEmail = `${unique("held")}@example.org`;
    const held = await signed(campaign.slug, { email: heldEmail });
    await db().signature.updateMany({ where: { campaignId: campaign.id, email: heldEmail }, data: { status: "QUARANTINED", reasonCode: "RATE_LIMIT" } });
    // Closed by staff 30 hours ago; each confirmation below says when it happens.
    const closedAt = new Date(Date.now() - 30 * 3_600_000);
    await db().campaign.update({ where: { id: campaign.id }, data: { status: "CLOSED", closedAt } });
    const hoursAfter = (hours: number) => new Date(closedAt.getTime() + hours * 3_600_000);
    // Within the grace period (CONFIRM_GRACE_HOURS, a day by default): counted.
    expect(await confirmSignature(early.confirm, hoursAfter(23))).toMatchObject({ kind: "confirmed" });
    expect(await confirmedCount(campaign.id)).toBe(1);
    // After it: nothing changes, for a held signature too, and the answer says why.
    expect(await confirmSignature(late.confirm, hoursAfter(25))).toEqual({ kind: "closed", slug: campaign.slug });
    expect(await confirmSignature(held.confirm, hoursAfter(25))).toEqual({ kind: "closed", slug: campaign.slug });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect((await rows(campaign.id)).filter((row) => row.confirmedAt !== null)).toHaveLength(1);
    // An already confirmed link still says so.
    expect(await confirmSignature(early.confirm, hoursAfter(25))).toMatchObject({ kind: "already-confirmed" });
    // The link's page knows it, for the signer: closed, and since when.
    expect(await describeToken(late.confirm, "CONFIRM")).toMatchObject({ status: "PENDING", closed: true, endedAt: closedAt });
  });

  it("counts a link clicked many times at once exactly once", async () => {
    const campaign = await createCampaign();
    const { confirm } = await signed(campaign.slug);
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => confirmSignature(confirm)));
    expect(outcomes.filter((o) => o.kind === "confirmed")).toHaveLength(1);
    expect(await confirmedCount(campaign.id)).toBe(1);
  });

  it("takes a withdrawn signature out of the count", async () => {
    const campaign = await createCampaign();
    const { confirm, withdraw } = await signed(campaign.slug, { country: "GBR" });
    await confirmSignature(confirm);
    expect(await confirmedByCountry(campaign.id)).toMatchObject([{ country: "GBR", confirmed: 1 }]);
    expect(await withdrawSignature(withdraw)).toEqual({ kind: "withdrawn", slug: campaign.slug });
    expect(await confirmedCount(campaign.id)).toBe(0);
    expect(await withdrawSignature(withdraw)).toEqual({ kind: "already-withdrawn", slug: campaign.slug });
    expect((await rows(campaign.id))[0]).toMatchObject({ status: "WITHDRAWN" });
    expect(await confirmSignature(confirm)).toEqual({ kind: "invalid" });
  });
});

describe("counts", () => {
  it("reconciles drifted counters with the signatures", async () => {
    const campaign = await createCampaign();
    for (const country of ["PAK", "PAK", "NOR"]) {
      const input = signer({ country });
      await signPetition(campaign.slug, input, signingContext());
      await confirmSignature((await linksFor(input.email)).confirm[0]!);
    }
    await db().signatureCount.create({ data: { campaignId: campaign.id, country: "FRA", shard: 3, confirmed: 40 } });
    expect(await confirmedCount(campaign.id)).toBe(43);
    expect(await reconcileCounts([campaign.id])).toEqual([{ campaignId: campaign.id, before: 43, after: 3 }]);
    expect(await confirmedCount(campaign.id)).toBe(3);
    expect(await confirmedByCountry(campaign.id)).toMatchObject([
      { country: "PAK", confirmed: 2 },
      { country: "NOR", confirmed: 1 },
    ]);
  });
});

describe("the signer's own data, withdrawal and the integrity report", () => {
  it("lets the signer read their data through the mailed link, until it is anonymised", async () => {
    const campaign = await createCampaign();
    const input = signer({ comment: "For my brother" });
    await signPetition(campaign.slug, input, signingContext());
    const { data } = await linksFor(input.email);
    expect(data).toHaveLength(1);
    expect(await ownData(data[0]!)).toMatchObject({ campaign: campaign.title, fullName: "Amina Khan", email: input.email, country: "PAK", comment: "For my brother", status: "PENDING" });
    expect(await ownData((data[0]![0] === "A" ? "B" : "A") + data[0]!.slice(1))).toBeNull();
    await db().campaign.update({ where: { id: campaign.id }, data: { status: "CLOSED", closedAt: new Date("2020-01-01") } });
    await anonymiseExpiredCampaigns(db(), { campaignIds: [campaign.id] });
    expect(await ownData(data[0]!)).toBeNull();
  });

  it("records a withdrawal in the public integrity report and takes it out of the count", async () => {
    const campaign = await createCampaign();
    const input = signer();
    await signPetition(campaign.slug, input, signingContext());
    const links = await linksFor(input.email);
    await confirmSignature(links.confirm[0]!);
    expect((await computeIntegrityReport(campaign.id)).counts).toMatchObject({ CONFIRMED: 1, WITHDRAWN: 0 });
    await withdrawSignature(links.withdraw[0]!);
    const report = await computeIntegrityReport(campaign.id);
    expect(report.counts).toMatchObject({ CONFIRMED: 0, WITHDRAWN: 1 });
    expect(report.reasons.WITHDRAWN).toEqual({ withdrawnBySigner: 1 });
    expect(await confirmedCount(campaign.id)).toBe(0);
  });
});
