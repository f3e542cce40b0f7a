import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listOutbox } from "@/lib/email/outbox";
import { confirmSignature, signPetition } from "@/lib/petition/service";
import { ownData } from "@/lib/privacy/own-data";
import { campaignReach } from "@/lib/sharing/queries";
import { createCampaign, unique, uniqueAddress } from "@/lib/test/factories";

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
  const outcome = await signPetition(
    slug,
    { fullName: "Sana Reach", email, country: "PAK", comment: null, showName: false, mayContact: false },
    { locale: "en", clientAddress: uniqueAddress(), attribution: { referral: attribution.referral ?? null, source: attribution.source ?? null } },
  );
  if (outcome.kind !== "signed") throw new Error("not signed");
  return { email, referral: outcome.referral, links: await mailTo(email) };
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

  it("ignores a code from another campaign and a code that belongs to no one", async () => {
    const [first, second] = [await createCampaign(), await createCampaign()];
    const elsewhere = await sign(first.slug);
    const signed = await sign(second.slug, { referral: elsewhere.referral });
    const stranger = await sign(second.slug, { referral: "abcdefghij" });
    const rows = await db().signature.findMany({ where: { referralCode: { in: [signed.referral, stranger.referral] } }, select: { referredById: true } });
    expect(rows).toEqual([{ referredById: null }, { referredById: null }]);
  });
});
