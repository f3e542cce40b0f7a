import { describe, expect, it } from "vitest";
import { getDeliveryReport } from "@/lib/campaigns/delivery-report";
import { db } from "@/lib/db";
import { createCampaign, createSignatures } from "@/lib/test/factories";

describe("the delivery report", () => {
  it("gives the public figures and, when asked, only the first names of confirmed signers who chose to be shown", async () => {
    const campaign = await createCampaign();
    await createSignatures(campaign.id, [
      ...Array.from({ length: 6 }, (_, n) => ({ status: "CONFIRMED" as const, country: "PAK", fullName: `Signer${n} Khan` })),
      { status: "CONFIRMED" as const, country: "NOR", fullName: "Kari Nordmann" },
      { status: "PENDING" as const, country: "GBR", fullName: "Pending Person" },
    ]);
    // Only some chose to be shown; one of those is anonymised already.
    await db().signature.updateMany({ where: { campaignId: campaign.id, fullName: { in: ["Signer0 Khan", "Signer1 Khan", "Kari Nordmann", "Pending Person"] } }, data: { showName: true } });
    await db().signature.updateMany({ where: { campaignId: campaign.id, fullName: "Signer1 Khan" }, data: { anonymisedAt: new Date() } });
    const row = await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } });

    const plain = await getDeliveryReport(row, { names: false });
    expect(plain).toMatchObject({ confirmed: 7, byCountry: [{ country: "PAK", signatures: 6 }, { country: "NOR", signatures: "<5" }], provisional: true, endedAt: null, names: null });
    expect(plain.integrity.counts).toMatchObject({ CONFIRMED: 7, PENDING: 1 });
    expect(plain.days.at(-1)?.total).toBe(7);

    const withNames = await getDeliveryReport(row, { names: true });
    expect(withNames.names).toEqual({ shown: ["Signer0", "Kari"], more: 0 });
    expect(JSON.stringify(withNames)).not.toMatch(/Khan|Nordmann|@/);
  });

  it("says when signing ended and until when confirmations counted, and that the figure is final then", async () => {
    const campaign = await createCampaign();
    const closedAt = new Date("2026-11-01T10:00:00Z");
    await db().campaign.update({ where: { id: campaign.id }, data: { status: "CLOSED", closedAt } });
    const row = await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    const report = await getDeliveryReport(row, { names: false }, new Date("2026-11-03T00:00:00Z"));
    expect(report).toMatchObject({ provisional: false, endedAt: closedAt, confirmationsUntil: new Date("2026-11-02T10:00:00Z") });
  });
});
