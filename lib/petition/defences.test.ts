import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/email/outbox";
import { moderate } from "@/lib/moderation/service";
import { hashClientAddress } from "@/lib/petition/client";
import { confirmedCount, reconcileCounts } from "@/lib/petition/counts";
import { isDisposableEmail } from "@/lib/petition/disposable";
import { DomainError } from "@/lib/domain-error";
import { isRateExemptEmail, LIMIT_VARIABLES, signingLimits } from "@/lib/petition/limits";
import { checkProofOfWork, createPowChallenge } from "@/lib/petition/pow";
import { describeToken } from "@/lib/petition/queries";
import type { SignatureInput } from "@/lib/petition/schema";
import { confirmSignature, signPetition } from "@/lib/petition/service";
import { createCampaign, createStaff, sendQueuedMail, unique, uniqueAddress } from "@/lib/test/factories";

// The bot defences end to end through signPetition, against the real PostgreSQL (the rate limits live
// in its RateLimit table). Mail goes to an outbox in a temporary DATA_DIR, where the keys are kept too.
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-defences-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.SMTP_URL;
  process.env.APP_URL = "http://defences.test";
  for (const name of Object.values(LIMIT_VARIABLES)) delete process.env[name];
});
afterEach(() => {
  for (const name of Object.values(LIMIT_VARIABLES)) delete process.env[name];
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const signer = (overrides: Partial<SignatureInput> = {}): SignatureInput => ({
  fullName: "Farah Malik",
  email: `${unique("farah")}@example.org`,
  country: "PAK",
  comment: null,
  showName: false,
  mayContact: false,
  ...overrides,
});

/** A solved proof of work, as the widget would send it (easy ones: the tests solve hundreds). */
async function solvedProof(): Promise<string> {
  const challenge = await createPowChallenge({ counter: { min: 1, max: 100 } });
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution })).toString("base64");
}

// Signing queues mail; the worker's drain sends it (to the outbox file here), as in a running app.
const mailsTo = async (email: string) => {
  await sendQueuedMail(email);
  return (await listOutbox(5000)).filter((mail) => mail.to.includes(email));
};

async function confirmLinks(email: string): Promise<string[]> {
  const mails = await mailsTo(email);
  return [...new Set(mails.flatMap((mail) => [...mail.text.matchAll(/http:\/\/defences\.test\/en\/confirm\/([\w-]{43})/g)].map((m) => m[1]!)))];
}

const rowOf = (campaignId: number, email: string) => db().signature.findFirstOrThrow({ where: { campaignId, email } });

describe("one network signing in bulk", () => {
  it("lets at most 5 of 200 quick submissions through (default limits), refuses the flood, and leaves other networks alone", async () => {
    expect(signingLimits()).toEqual(signingLimits({})); // the defaults, nothing set
    const campaign = await createCampaign();
    const bot = uniqueAddress();
    const proofs = await Promise.all(Array.from({ length: 200 }, () => solvedProof()));
    const neighbours = Array.from({ length: 10 }, () => ({ address: uniqueAddress(), input: signer({ fullName: "Nadia Shah" }) }));

    const started = Date.now();
    const [botResults, neighbourResults] = await Promise.all([
      Promise.allSettled(proofs.map((powPayload, i) => signPetition(campaign.slug, signer({ email: `bot-${i}-${unique()}@example.org` }), { locale: "en", clientAddress: bot, powPayload }))),
      Promise.all(neighbours.map(async ({ address, input }) => signPetition(campaign.slug, input, { locale: "en", clientAddress: address, powPayload: await solvedProof() }))),
    ]);
    const seconds = (Date.now() - started) / 1000;

    const refused = botResults.filter((result) => result.status === "rejected");
    for (const result of refused) expect((result as PromiseRejectedResult).reason).toEqual(new DomainError("tooManyFromNetwork"));
    // Every accepted one looks the same to the sender, whatever happened to it.
    for (const result of botResults) if (result.status === "fulfilled") expect(result.value).toEqual({ kind: "accepted" });

    const botRows = await db().signature.findMany({ where: { campaignId: campaign.id, clientHash: hashClientAddress(bot) } });
    const pending = botRows.filter((row) => row.status === "PENDING");
    const quarantined = botRows.filter((row) => row.status === "QUARANTINED");
    console.info(
      `200 submissions from one address in ${seconds.toFixed(1)} s: ${pending.length} pending (confirmable), ` +
        `${quarantined.length} quarantined ("rate limit"), ${refused.length} refused (flood, nothing written)`,
    );
    expect(pending.length).toBeGreaterThanOrEqual(1);
    expect(pending.length).toBeLessThanOrEqual(5);
    expect(refused).toHaveLength(200 - signingLimits().flood.points);
    expect(pending.length + quarantined.length + refused.length).toBe(200);
    expect(botRows).toHaveLength(200 - refused.length);
    expect(quarantined.every((row) => row.reasonCode === "RATE_LIMIT")).toBe(true);

    // Other networks signing at the same moment were not affected.
    expect(neighbourResults.every((outcome) => outcome.kind === "accepted")).toBe(true);
    const neighbourRows = await db().signature.findMany({ where: { campaignId: campaign.id, clientHash: { not: hashClientAddress(bot) } } });
    expect(neighbourRows).toHaveLength(10);
    expect(neighbourRows.every((row) => row.status === "PENDING")).toBe(true);

    // Everyone who got a mail confirms: only the pending ones count.
    const links: string[] = [];
    for (const row of [...botRows, ...neighbourRows]) links.push(...(await confirmLinks(row.email)));
    expect(links).toHaveLength(botRows.length + 10);
    for (const token of links) expect(await confirmSignature(token)).toMatchObject({ kind: "confirmed", slug: campaign.slug });
    expect(await confirmedCount(campaign.id)).toBe(pending.length + 10);
    expect(await reconcileCounts([campaign.id])).toEqual([{ campaignId: campaign.id, before: pending.length + 10, after: pending.length + 10 }]);
    const stillQuarantined = await db().signature.count({ where: { campaignId: campaign.id, status: "QUARANTINED", confirmedAt: { not: null } } });
    expect(stillQuarantined).toBe(quarantined.length);
  });

  it("takes the stricter path without a proof of work: accepted while the network is quiet, quarantined when it signed lately", async () => {
    process.env.SIGN_RATE_BURST = "1/1"; // so the test need not wait a minute between signatures
    const campaign = await createCampaign();
    const address = uniqueAddress();
    const sign = (powPayload: string | null) => {
      const input = signer();
      return signPetition(campaign.slug, input, { locale: "en", clientAddress: address, powPayload }).then(() => rowOf(campaign.id, input.email));
    };
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100));

    expect(await sign(null)).toMatchObject({ status: "PENDING", reasonCode: null }); // no JavaScript, first signature: fine
    await pause();
    expect(await sign(null)).toMatchObject({ status: "QUARANTINED", reasonCode: "RATE_LIMIT" });
    await pause();
    expect(await sign(await solvedProof())).toMatchObject({ status: "PENDING" }); // within the limits, with a proof
    await pause();
    expect(await sign("bm90IGEgcHJvb2Y=")).toMatchObject({ status: "QUARANTINED", reasonCode: "RATE_LIMIT" }); // invalid = missing
  });
});

describe("a shared network (a carrier's address)", () => {
  const providers = ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com"];

  it("counts 10 people with their own mailboxes at the big providers who confirm, and not 30 cheap identities", async () => {
    const campaign = await createCampaign();
    const carrier = uniqueAddress();
    const people = Array.from({ length: 10 }, (_, i) => signer({ fullName: `Person ${i}`, email: `${unique("person").replace("-", "")}@${providers[i % providers.length]}` }));
    // Some with JavaScript (a proof of work), some without, as on real phones.
    for (const [i, person] of people.entries()) await signPetition(campaign.slug, person, { locale: "en", clientAddress: carrier, powPayload: i % 2 ? await solvedProof() : null });
    const cheap = Array.from({ length: 30 }, (_, i) => signer({ fullName: `Bot ${i}`, email: `${unique("bot")}@catch-all-${i % 3}.example` }));
    for (const bot of cheap) await signPetition(campaign.slug, bot, { locale: "en", clientAddress: carrier, powPayload: await solvedProof() });

    for (const who of [...people, ...cheap]) for (const token of await confirmLinks(who.email)) await confirmSignature(token);
    const counted = await db().signature.findMany({ where: { campaignId: campaign.id, status: "CONFIRMED" }, select: { email: true } });
    expect(counted.map((row) => row.email).sort()).toEqual(people.map((person) => person.email).sort());
    expect(await confirmedCount(campaign.id)).toBe(10);
    // The cheap ones are kept for a moderator, confirmed by their (catch-all) mailboxes but not counted.
    expect(await db().signature.count({ where: { campaignId: campaign.id, status: "QUARANTINED", reasonCode: "RATE_LIMIT", confirmedAt: { not: null } } })).toBe(30);
  });

  it("lets one cheap identity through on a quiet network and quarantines the burst after it", async () => {
    const campaign = await createCampaign();
    const network = uniqueAddress();
    for (let i = 0; i < 30; i++) await signPetition(campaign.slug, signer({ email: `${unique("bot")}@catch-all.example` }), { locale: "en", clientAddress: network, powPayload: await solvedProof() });
    const rows = await db().signature.groupBy({ by: ["status"], where: { campaignId: campaign.id }, _count: { _all: true } });
    expect(Object.fromEntries(rows.map((row) => [row.status, row._count._all]))).toEqual({ PENDING: 1, QUARANTINED: 29 });
  });

  it("exempts exactly the listed domains (not their subdomains) and follows SIGN_RATE_EXEMPT_DOMAINS", () => {
    expect(isRateExemptEmail("someone@Gmail.com")).toBe(true);
    expect(isRateExemptEmail("someone@mail.gmail.com")).toBe(false);
    expect(isRateExemptEmail("someone@catch-all.example")).toBe(false);
    expect(isRateExemptEmail("someone@gmail.com", { SIGN_RATE_EXEMPT_DOMAINS: "ptcl.net.pk, example.org" })).toBe(false);
    expect(isRateExemptEmail("someone@ptcl.net.pk", { SIGN_RATE_EXEMPT_DOMAINS: "ptcl.net.pk, example.org" })).toBe(true);
    expect(isRateExemptEmail("someone@gmail.com", { SIGN_RATE_EXEMPT_DOMAINS: "none" })).toBe(false);
  });
});

describe("proof of work", () => {
  it("counts an answer once: a replayed one is detected, and its attempt writes nothing and mails nobody", async () => {
    const campaign = await createCampaign();
    const proof = await solvedProof();
    const first = signer();
    const replay = signer();
    await signPetition(campaign.slug, first, { locale: "en", clientAddress: uniqueAddress(), powPayload: proof });
    expect(await signPetition(campaign.slug, replay, { locale: "en", clientAddress: uniqueAddress(), powPayload: proof })).toEqual({ kind: "accepted" });

    expect(await rowOf(campaign.id, first.email)).toMatchObject({ status: "PENDING", reasonCode: null });
    expect(await db().signature.count({ where: { campaignId: campaign.id, email: replay.email } })).toBe(0);
    expect(await mailsTo(replay.email)).toHaveLength(0);
    expect(await checkProofOfWork(proof)).toBe("replayed");
  });

  it("tells missing, invalid, replayed and valid answers apart, and lets exactly one of two racing copies through", async () => {
    expect(await checkProofOfWork(null)).toBe("missing");
    expect(await checkProofOfWork("  ")).toBe("missing");
    expect(await checkProofOfWork("not base64 JSON")).toBe("invalid");
    const proof = await solvedProof();
    const decoded = JSON.parse(Buffer.from(proof, "base64").toString("utf8"));
    const key: string = decoded.solution.derivedKey;
    decoded.solution.derivedKey = (key[0] === "0" ? "1" : "0") + key.slice(1); // a made-up answer
    expect(await checkProofOfWork(Buffer.from(JSON.stringify(decoded)).toString("base64"))).toBe("invalid");
    expect((await Promise.all([checkProofOfWork(proof), checkProofOfWork(proof)])).sort()).toEqual(["replayed", "valid"]);
  });

  it("refuses an expired challenge as invalid", async () => {
    const proof = await solvedProof();
    const decoded = JSON.parse(Buffer.from(proof, "base64").toString("utf8"));
    decoded.challenge.parameters.expiresAt = Math.floor(Date.now() / 1000) - 1; // also breaks the signature
    expect(await checkProofOfWork(Buffer.from(JSON.stringify(decoded)).toString("base64"))).toBe("invalid");
  });
});

describe("the hidden field", () => {
  it("writes nothing keyed on the address a robot chose and mails it nothing; its owner then signs as anyone", async () => {
    const campaign = await createCampaign();
    const victim = signer();
    const outcome = await signPetition(campaign.slug, victim, { locale: "en", clientAddress: uniqueAddress(), powPayload: await solvedProof(), honeypot: "https://cheap-pills.example" });
    expect(outcome).toEqual({ kind: "accepted" });
    expect(await db().signature.count({ where: { campaignId: campaign.id } })).toBe(0);
    expect(await mailsTo(victim.email)).toHaveLength(0);

    // The address's owner signs: a confirmation link, and the signature counts once confirmed.
    await signPetition(campaign.slug, victim, { locale: "en", clientAddress: uniqueAddress(), powPayload: await solvedProof() });
    const [token] = await confirmLinks(victim.email);
    expect(await confirmSignature(token!)).toMatchObject({ kind: "confirmed" });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await reconcileCounts([campaign.id])).toEqual([{ campaignId: campaign.id, before: 1, after: 1 }]);
  });

  it("ignores a field left empty or blank", async () => {
    const campaign = await createCampaign();
    const input = signer();
    await signPetition(campaign.slug, input, { locale: "en", clientAddress: uniqueAddress(), honeypot: "  " });
    expect(await rowOf(campaign.id, input.email)).toMatchObject({ status: "PENDING" });
  });
});

describe("throwaway email addresses", () => {
  it("recognises listed domains and their subdomains, and not ordinary ones", async () => {
    expect(await isDisposableEmail("someone@mailinator.com")).toBe(true);
    expect(await isDisposableEmail("someone@Inbox.Mailinator.com")).toBe(true);
    expect(await isDisposableEmail("someone@gmail.com")).toBe(false);
    expect(await isDisposableEmail("someone@example.org")).toBe(false);
  });

  it("quarantines them; a signer's confirmation is recorded but counts only once a moderator releases it", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    const input = signer({ email: `${unique("temp")}@mailinator.com` });
    expect(await signPetition(campaign.slug, input, { locale: "en", clientAddress: uniqueAddress(), powPayload: await solvedProof() })).toEqual({ kind: "accepted" });
    const row = await rowOf(campaign.id, input.email);
    expect(row).toMatchObject({ status: "QUARANTINED", reasonCode: "DISPOSABLE_EMAIL" });

    // The signer sees the usual pages: a link to confirm, then "confirmed".
    const [token] = await confirmLinks(input.email);
    expect(await describeToken(token!, "CONFIRM")).toMatchObject({ status: "PENDING", used: false });
    expect(await confirmSignature(token!)).toMatchObject({ kind: "confirmed", slug: campaign.slug });
    expect(await confirmSignature(token!)).toMatchObject({ kind: "already-confirmed", slug: campaign.slug });
    expect(await describeToken(token!, "CONFIRM")).toMatchObject({ status: "CONFIRMED" });
    const confirmed = await rowOf(campaign.id, input.email);
    expect(confirmed).toMatchObject({ status: "QUARANTINED", reasonCode: "DISPOSABLE_EMAIL" });
    expect(confirmed.confirmedAt).not.toBeNull();
    expect(await confirmedCount(campaign.id)).toBe(0);

    await moderate(moderator, { ids: [row.id] }, "confirm");
    expect(await rowOf(campaign.id, input.email)).toMatchObject({ status: "CONFIRMED", confirmedAt: confirmed.confirmedAt });
    expect(await confirmedCount(campaign.id)).toBe(1);
  });
});

describe("the limits", () => {
  it("default to 1/60 s burst, 5/300 s sustained and 60/60 s flood, and are set by the environment", () => {
    expect(signingLimits({})).toEqual({ burst: { points: 1, seconds: 60 }, sustained: { points: 5, seconds: 300 }, flood: { points: 60, seconds: 60 } });
    expect(signingLimits({ SIGN_RATE_BURST: "2/30", SIGN_RATE_SUSTAINED: " 10 / 600 ", SIGN_RATE_FLOOD: "50/60" })).toEqual({
      burst: { points: 2, seconds: 30 },
      sustained: { points: 10, seconds: 600 },
      flood: { points: 50, seconds: 60 },
    });
    expect(() => signingLimits({ SIGN_RATE_SUSTAINED: "five per minute" })).toThrow(/SIGN_RATE_SUSTAINED must look like 5\/300/);
    expect(() => signingLimits({ SIGN_RATE_FLOOD: "0/60" })).toThrow(/SIGN_RATE_FLOOD/);
  });
});
