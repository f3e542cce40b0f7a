import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { confirmedByCountry, reconcileCounts } from "@/lib/petition/counts";
import { anonymiseExpiredCampaigns } from "@/lib/privacy/retention";
import { createCampaign, createSignatures } from "@/lib/test/factories";

describe("retention", () => {
  it("removes personal data of campaigns closed longer than the period, keeping the counts by country", async () => {
    const now = new Date("2031-06-01T00:00:00Z");
    const old = await createCampaign({ status: "CLOSED" });
    const recent = await createCampaign({ status: "CLOSED" });
    await db().campaign.update({ where: { id: old.id }, data: { closedAt: new Date("2030-11-30T00:00:00Z") } });
    await db().campaign.update({ where: { id: recent.id }, data: { closedAt: new Date("2031-05-01T00:00:00Z") } });
    await createSignatures(old.id, [
      { status: "CONFIRMED", country: "PAK", fullName: "Amina Khan", comment: "mine" },
      { status: "CONFIRMED", country: "PAK" },
      { status: "CONFIRMED", country: "NOR" },
      { status: "PENDING", country: "GBR" },
    ]);
    await createSignatures(recent.id, [{ status: "CONFIRMED", fullName: "Still Here" }]);
    const countsBefore = await confirmedByCountry(old.id);

    // Scoped to this test's campaigns: other test files create closed campaigns at the same time.
    const only = { now, months: 6, campaignIds: [old.id, recent.id] };
    const report = await anonymiseExpiredCampaigns(db(), only);
    expect(report).toEqual([{ campaignId: old.id, slug: old.slug, signatures: 4 }]);

    const rows = await db().signature.findMany({ where: { campaignId: old.id } });
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row).toMatchObject({ fullName: "", email: "", comment: null, clientHash: null, showName: false, anonymisedAt: now });
      expect(row.emailCanonical).toBe(`anonymised:${row.id}`);
    }
    expect(await db().signatureToken.count({ where: { signature: { campaignId: old.id } } })).toBe(0);
    expect(await confirmedByCountry(old.id)).toEqual(countsBefore);
    const [reconciled] = await reconcileCounts([old.id]);
    expect(reconciled!.after).toBe(3);
    expect(await confirmedByCountry(old.id)).toEqual(countsBefore);

    expect((await db().signature.findFirstOrThrow({ where: { campaignId: recent.id } })).fullName).toBe("Still Here");
    expect(await db().auditEntry.count({ where: { campaignId: old.id, action: "campaign.anonymise" } })).toBe(1);
    // A second run finds nothing more to do.
    expect(await anonymiseExpiredCampaigns(db(), only)).toEqual([]);
  });
});
