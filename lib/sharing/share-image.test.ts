import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as countryImage } from "@/app/[locale]/(site)/c/[slug]/country/[iso3]/share-image/route";
import { GET as campaignImage } from "@/app/[locale]/(site)/c/[slug]/share-image/route";
import { db } from "@/lib/db";
import { readPng } from "@/lib/sharing/png-text";
import { campaignCard } from "@/lib/sharing/share-cards";
import { REFRESH_MS, shareImage } from "@/lib/sharing/share-image";
import { createCampaign, createSignatures } from "@/lib/test/factories";
import { reconcileCounts } from "@/lib/petition/counts";

// Real renders (next/og with the bundled fonts, offline) read back as PNG: size, and the words the
// image carries in its text chunk.
let appUrl: string | undefined;
beforeAll(() => {
  appUrl = process.env.APP_URL;
  process.env.APP_URL = "https://advocate.example";
});
afterAll(() => {
  process.env.APP_URL = appUrl;
});

const call = (handler: typeof campaignImage, slug: string) => handler(new Request("http://localhost/"), { params: Promise.resolve({ locale: "en", slug }) });

describe("the campaign's share image", () => {
  it("is a 1200x630 PNG with the title, the current count and the goal, cacheable by a CDN", async () => {
    const campaign = await createCampaign({ goal: 5000 });
    await createSignatures(campaign.id, Array.from({ length: 34 }, () => ({ status: "CONFIRMED" as const })));
    await reconcileCounts([campaign.id]);
    const response = await call(campaignImage, campaign.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    const png = readPng(Buffer.from(await response.arrayBuffer()));
    expect(png).toMatchObject({ width: 1200, height: 630 });
    expect(png.texts.Description).toBe(`${campaign.title}\n34 signatures\nGoal: 5,000`);
  });

  it("shows a new count once the kept image is older than the refresh interval, and not before", async () => {
    const campaign = await createCampaign({ goal: 100 });
    const key = `test:${campaign.slug}`;
    const words = async (now: number) => readPng((await shareImage(key, () => campaignCard("en", campaign.slug), now))!).texts.Description;
    const start = Date.now();
    expect(await words(start)).toContain("0 signatures");
    await createSignatures(campaign.id, [{ status: "CONFIRMED" }, { status: "CONFIRMED" }]);
    await reconcileCounts([campaign.id]);
    expect(await words(start + REFRESH_MS - 1)).toContain("0 signatures");
    expect(await words(start + REFRESH_MS)).toContain("2 signatures");
  });

  it("on an Urdu page is the English card (the font engine cannot draw Urdu yet), never blanks", async () => {
    const campaign = await createCampaign({ goal: 10 });
    const response = await campaignImage(new Request("http://localhost/"), { params: Promise.resolve({ locale: "ur", slug: campaign.slug }) });
    expect(response.status).toBe(200);
    const png = readPng(Buffer.from(await response.arrayBuffer()));
    expect(png).toMatchObject({ width: 1200, height: 630 });
    expect(png.texts.Description).toBe(`${campaign.title}\n0 signatures\nGoal: 10`);
  });

  it("is not found for drafts and unknown campaigns", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await call(campaignImage, draft.slug)).status).toBe(404);
    expect((await call(campaignImage, "no-such-campaign")).status).toBe(404);
  });
});

describe("a country's share image", () => {
  it("says how the country voted at each stage, never more than the record establishes", async () => {
    const campaign = await createCampaign();
    const stage = (key: string, position: number, votes: { iso3: string; name: string; vote: "NO" | "UNKNOWN" | "YES" }[]) =>
      db().voteStage.create({
        data: {
          campaignId: campaign.id,
          key,
          position,
          body: `Body ${position}`,
          date: new Date(`2015-1${position}-01T00:00:00Z`),
          yes: 0,
          no: 1,
          abstain: 0,
          notVoting: 0,
          namesComplete: false,
          votes: { create: votes },
        },
      });
    await stage("committee", 1, [
      { iso3: "PAK", name: "Pakistan", vote: "NO" },
      { iso3: "FRA", name: "France", vote: "UNKNOWN" },
    ]);
    await stage("plenary", 2, [
      { iso3: "PAK", name: "Pakistan", vote: "NO" },
      { iso3: "FRA", name: "France", vote: "UNKNOWN" },
    ]);
    const params = (iso3: string) => ({ params: Promise.resolve({ locale: "en", slug: campaign.slug, iso3 }) });
    const pakistan = await countryImage(new Request("http://localhost/"), params("pak"));
    expect(pakistan.status).toBe(200);
    const png = readPng(Buffer.from(await pakistan.arrayBuffer()));
    expect(png).toMatchObject({ width: 1200, height: 630 });
    expect(png.texts.Description).toBe("Pakistan voted against\nBody 1, 2015: Against\nBody 2, 2015: Against");
    const france = readPng(Buffer.from(await (await countryImage(new Request("http://localhost/"), params("FRA"))).arrayBuffer()));
    expect(france.texts.Description).toBe("How France voted\nBody 1, 2015: Not recorded by name\nBody 2, 2015: Not recorded by name");
    expect((await countryImage(new Request("http://localhost/"), params("XYZ"))).status).toBe(404);
    expect((await countryImage(new Request("http://localhost/"), params("../x"))).status).toBe(404);
  });
});
