import { describe, expect, it } from "vitest";
import sitemap from "@/app/sitemap";
import { createCampaign, createVoteStage as addStage } from "@/lib/test/factories";

describe("sitemap.xml", () => {
  it("lists each public campaign's page, votes page and a page per country on record, in every language", async () => {
    const campaign = await createCampaign();
    await addStage(campaign.id, "committee", 1, [
      { iso3: "PAK", name: "Pakistan", vote: "NO" },
      { iso3: "NOR", name: "Norway", vote: "YES" },
    ]);
    await addStage(campaign.id, "plenary", 2, [
      { iso3: "PAK", name: "Pakistan", vote: "NO" },
      { iso3: "ISL", name: "Iceland", vote: "UNKNOWN" },
    ]);
    const bare = await createCampaign();
    const draft = await createCampaign({ status: "DRAFT" });
    await addStage(draft.id, "committee", 1, [{ iso3: "PAK", name: "Pakistan", vote: "NO" }]);

    const urls = (await sitemap()).map((entry) => new URL(entry.url).pathname);
    for (const locale of ["en", "ur"]) {
      for (const path of ["", "/votes", "/country/PAK", "/country/NOR", "/country/ISL"]) {
        expect(urls).toContain(`/${locale}/c/${campaign.slug}${path}`);
      }
      expect(urls).toContain(`/${locale}/c/${bare.slug}`);
      expect(urls).toContain(`/${locale}/privacy`);
    }
    // Each country once per language, though named at both stages; no votes page without a vote record.
    expect(urls.filter((url) => url === `/en/c/${campaign.slug}/country/PAK`)).toHaveLength(1);
    expect(urls.some((url) => url.startsWith(`/en/c/${bare.slug}/`))).toBe(false);
    expect(urls.some((url) => url.includes(draft.slug))).toBe(false);
  });

  it("names each page's other languages", async () => {
    const campaign = await createCampaign();
    const entry = (await sitemap()).find((item) => new URL(item.url).pathname === `/ur/c/${campaign.slug}`);
    expect(entry?.alternates?.languages).toEqual({
      en: expect.stringMatching(new RegExp(`/en/c/${campaign.slug}$`)),
      ur: expect.stringMatching(new RegExp(`/ur/c/${campaign.slug}$`)),
    });
  });
});
