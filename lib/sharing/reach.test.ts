import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/email/outbox";
import { confirmSignature, signPetition } from "@/lib/petition/service";
import { ownData } from "@/lib/privacy/own-data";
import { campaignReach } from "@/lib/sharing/queries";
import { createCampaign, createSignatures, sendQueuedMail, unique, uniqueAddress } from "@/lib/test/factories";

// Referral attribution against the real database: the code a signer gets, the links they share,
// the signatures those bring, and what the signer and the staff see of it.
let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-reach-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.SMTP_URL;
  process.env.APP_URL = "http://reach.test";
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function mailTo(email: string) {
  await sendQueuedMail(email); // signing queues the mail; the worker's drain sends it
  const mail = (await listOutbox(1000)).find((entry) => entry.to.includes(email));
  if (!mail) throw new Error(`no mail to ${email}`);
  const link = (pattern: RegExp) => pattern.exec(mail.text)?.[1];
  return {
    confirm: link(/http:\/\/reach\.test\/en\/confirm\/([\w-]{43})/)!,
    data: link(/http:\/\/reach\.test\/en\/my-data\/([\w-]{43})/)!,
    share: link(/(http:\/\/reach\.test\/en\/c\/[^\s]+)/)!,
  };
}

async function sign(slug: string, attribution: { referral?: string | null; source?: string | null } = {}) {
  const email = `${unique("reach")}@example.org`;
  await signPetition(
    slug,
    { fullName: "Sana Reach", email, country: "PAK", comment: null, showName: false, mayContact: false },
    { locale: "en", clientAddress: uniqueAddress(), attribution: { referral: attribution.referral ?? null, source: attribution.source ?? null } },
  );
  // The signer's own code reaches them in the mail only (the page after signing is the same for all).
  const links = await mailTo(email);
  return { email, referral: new URL(links.share).searchParams.get("ref")!, links };
}

describe("referrals", () => {
  it("credits confirmed signatures to the signer whose link brought them, and counts the sources", async () => {
    const campaign = await createCampaign();
    const referrer = await sign(campaign.slug);
    // The mail carries the personal link: the campaign's address with the signer's own code.
    expect(referrer.links.share).toBe(`http://reach.test/en/c/${campaign.slug}?ref=${referrer.referral}`);

    const viaWhatsapp = await sign(campaign.slug, { referral: referrer.referral, source: "whatsapp" });
    const viaLink = await sign(campaign.slug, { referral: referrer.referral });
    await sign(campaign.slug, { referral: referrer.referral, source: "whatsapp" }); // never confirmed
    await sign(campaign.slug, { source: "newsletter" });
    await confirmSignature(viaWhatsapp.links.confirm);
    await confirmSignature(viaLink.links.confirm);

    const rows = await db().signature.findMany({ where: { campaignId: campaign.id }, select: { referredById: true, utmSource: true, referralCode: true } });
    const referrerRow = await db().signature.findUniqueOrThrow({ where: { referralCode: referrer.referral } });
    expect(rows.filter((row) => row.referredById === referrerRow.id)).toHaveLength(3);
    expect(new Set(rows.map((row) => row.referralCode)).size).toBe(5);

    const reach = await campaignReach(campaign.id);
    expect(reach.referrers).toEqual([{ id: referrerRow.id, fullName: "Sana Reach", country: "PAK", signatures: 3, confirmed: 2 }]);
    expect(reach.referred).toEqual({ signatures: 3, confirmed: 2 });
    expect(reach.sources).toEqual(
      expect.arrayContaining([
        { source: "whatsapp", signatures: 2, confirmed: 1 },
        { source: "newsletter", signatures: 1, confirmed: 0 },
        { source: null, signatures: 2, confirmed: 1 },
      ]),
    );

    // The signer sees it through the link in their mail, without an account.
    const own = await ownData(referrer.links.data);
    expect(own).toMatchObject({ confirmedReferrals: 2, shareUrl: referrer.links.share });
  });

  it("lists the sources and the referrers that brought most signatures that count first, as many as asked", async () => {
    const campaign = await createCampaign();
    // Rows inserted directly: the order they arrive in must not be the order they are listed in.
    const arrive = async (source: string | null, status: "CONFIRMED" | "PENDING", referredBy?: { id: number }) => {
      const email = `${unique("reach")}@example.org`;
      return db().signature.create({
        data: {
          campaignId: campaign.id,
          fullName: `Signer ${source ?? "direct"}`,
          email,
          emailCanonical: email,
          country: "PAK",
          status,
          confirmedAt: status === "CONFIRMED" ? new Date() : null,
          utmSource: source,
          referredById: referredBy?.id ?? null,
        },
      });
    };
    const direct = await arrive(null, "CONFIRMED");
    const byEmail = await arrive("email", "CONFIRMED");
    const byQr = await arrive("qr", "CONFIRMED");
    const [w1, w2] = [await arrive("whatsapp", "CONFIRMED", byEmail), await arrive("whatsapp", "CONFIRMED", byEmail)];
    await arrive("whatsapp", "CONFIRMED", byEmail);
    await arrive("x", "PENDING", byEmail);
    await arrive("facebook", "CONFIRMED", byQr);
    await arrive("x", "CONFIRMED", byQr);
    await arrive("newsletter", "CONFIRMED", direct);
    for (let i = 0; i < 4; i++) await arrive("newsletter", "PENDING", direct);
    await arrive("x", "CONFIRMED", w1);
    await arrive("facebook", "CONFIRMED", w2);
    await arrive("x", "PENDING");

    // Most confirmed first; then most signatures; then no source first, then by name.
    const sources = [
      { source: "whatsapp", signatures: 3, confirmed: 3 },
      { source: "x", signatures: 4, confirmed: 2 },
      { source: "facebook", signatures: 2, confirmed: 2 },
      { source: "newsletter", signatures: 5, confirmed: 1 },
      { source: null, signatures: 1, confirmed: 1 },
      { source: "email", signatures: 1, confirmed: 1 },
      { source: "qr", signatures: 1, confirmed: 1 },
    ];
    // The same for referrers; equal ones in the order they signed.
    const referrer = (row: { id: number; fullName: string }, signatures: number, confirmed: number) => ({ id: row.id, fullName: row.fullName, country: "PAK", signatures, confirmed });
    const referrers = [referrer(byEmail, 4, 3), referrer(byQr, 2, 2), referrer(direct, 5, 1), referrer(w1, 1, 1), referrer(w2, 1, 1)];
    const referred = { signatures: 13, confirmed: 8 };

    expect(await campaignReach(campaign.id)).toEqual({ sources, referrers, referred });
    // A limit keeps the top of each list; the referred total still counts them all.
    expect(await campaignReach(campaign.id, 3)).toEqual({ sources: sources.slice(0, 3), referrers: referrers.slice(0, 3), referred });
  });

  it("lists at most 20 sources unless asked for more", async () => {
    const campaign = await createCampaign();
    const signatures = await createSignatures(campaign.id, Array.from({ length: 21 }, () => ({ status: "CONFIRMED" as const })));
    await Promise.all(signatures.map((row, index) => db().signature.update({ where: { id: row.id }, data: { utmSource: `source-${String(index).padStart(2, "0")}` } })));
    const listed = (await campaignReach(campaign.id)).sources.map((row) => row.source);
    expect(listed).toEqual(Array.from({ length: 20 }, (_, index) => `source-${String(index).padStart(2, "0")}`));
    expect((await campaignReach(campaign.id, 50)).sources).toHaveLength(21);
  });

  it("ignores a code from another campaign and a code that belongs to no one", async () => {
    const [first, second] = [await createCampaign(), await createCampaign()];
    const elsewhere = await sign(first.slug);
    const signed = await sign(second.slug, { referral: elsewhere.referral });
    const stranger = await sign(second.slug, { referral: "abcdefghij" });
    const rows = await db().signature.findMany({ where: { referralCode: { in: [signed.referral, stranger.referral] } }, select: { referredById: true } });
    expect(rows).toEqual([{ referredById: null }, { referredById: null }]);
  });
});
