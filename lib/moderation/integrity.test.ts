import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseSignatureFilter } from "@/lib/moderation/filter";
import { busyAddresses, busyDomains } from "@/lib/moderation/integrity";
import { moderate, previewModeration } from "@/lib/moderation/service";
import { confirmedCount } from "@/lib/petition/counts";
import { createCampaign, createSignatures, createStaff } from "@/lib/test/factories";

describe("integrity tools", () => {
  it("finds a busy address and a busy domain, and invalidates them by filter with a preview", async () => {
    const [campaign, moderator] = await Promise.all([createCampaign(), createStaff()]);
    const busy = randomBytes(32).toString("hex");
    const created = await createSignatures(campaign.id, [
      ...Array.from({ length: 6 }, () => ({ status: "CONFIRMED" as const })),
      { status: "CONFIRMED" as const },
    ]);
    const bots = created.slice(0, 6);
    await db().signature.updateMany({ where: { id: { in: bots.map((s) => s.id) } }, data: { clientHash: busy } });
    for (const bot of bots) await db().signature.update({ where: { id: bot.id }, data: { emailCanonical: `${bot.id}@bots.example` } });

    expect(await busyAddresses(campaign.id, { min: 5 })).toEqual([expect.objectContaining({ key: busy, signatures: 6, counted: 6 })]);
    expect(await busyDomains(campaign.id, { min: 5 })).toEqual([expect.objectContaining({ key: "bots.example", signatures: 6 })]);

    const filter = parseSignatureFilter(new URLSearchParams({ campaign: String(campaign.id), client: busy }));
    expect(filter.client).toBe(busy);
    expect(await previewModeration({ filter }, "reject")).toBe(6);
    await moderate(moderator, { filter }, "reject", { reason: "one address, six signatures", expectedCount: 6 });
    expect(await confirmedCount(campaign.id)).toBe(1);

    // One hour's window: the same address an hour earlier is outside it.
    const hour = (await busyAddresses(campaign.id, { min: 1 }))[0]!.hour;
    const window = { since: hour.toISOString(), until: new Date(hour.getTime() + 3_600_000).toISOString() };
    expect(await previewModeration({ filter: parseSignatureFilter(new URLSearchParams({ campaign: String(campaign.id), client: busy, ...window })) }, "confirm")).toBe(6);
    const before = { since: new Date(hour.getTime() - 3_600_000).toISOString(), until: hour.toISOString() };
    expect(await previewModeration({ filter: parseSignatureFilter(new URLSearchParams({ campaign: String(campaign.id), client: busy, ...before })) }, "confirm")).toBe(0);

    const byDomain = parseSignatureFilter(new URLSearchParams({ campaign: String(campaign.id), domain: "bots.example" }));
    expect(await previewModeration({ filter: byDomain }, "confirm")).toBe(6);
  });
});
