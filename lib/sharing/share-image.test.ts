import { PNG } from "pngjs";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as countryImage } from "@/app/[locale]/(site)/c/[slug]/country/[iso3]/share-image/route";
import { GET as campaignImage } from "@/app/[locale]/(site)/c/[slug]/share-image/route";
import { db } from "@/lib/db";
import { readPng } from "@/lib/sharing/png-text";
import { campaignCard } from "@/lib/sharing/share-cards";
import { cardLocale, REFRESH_MS, shareImage } from "@/lib/sharing/share-image";
import { createCampaign, createSignatures } from "@/lib/test/factories";
import { reconcileCounts } from "@/lib/petition/counts";

// Real renders (HarfBuzz and sharp with the bundled fonts, offline) read back as PNG: size, the words
// the image carries in its text chunk, and where its pixels have ink.
beforeAll(() => void vi.stubEnv("APP_URL", "https://advocate.example"));
afterAll(() => void vi.unstubAllEnvs());

afterEach(() => {
  vi.unstubAllGlobals();
});

const call = (handler: typeof campaignImage, slug: string, locale = "en") => handler(new Request("http://localhost/"), { params: Promise.resolve({ locale, slug }) });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** How many pixels in the box are text: near white, where the card's background is dark blue. */
function ink(image: Buffer, box: { left: number; top: number; right: number; bottom: number }): number {
  const { data, width } = PNG.sync.read(image);
  let count = 0;
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      const at = (y * width + x) * 4;
      if (data[at]! > 200 && data[at + 1]! > 200 && data[at + 2]! > 200) count++;
    }
  }
  return count;
}
// Where the headline goes (under the kicker): its start side is the left in English, the right in Urdu.
const HEADLINE_LEFT = { left: 72, top: 120, right: 500, bottom: 260 };
const HEADLINE_RIGHT = { left: 700, top: 120, right: 1128, bottom: 260 };

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

  it("on an Urdu page is drawn in Urdu, from the right, with the title's translation, fetching nothing", async () => {
    const campaign = await createCampaign({ goal: 5000 });
    await createSignatures(campaign.id, Array.from({ length: 34 }, () => ({ status: "CONFIRMED" as const })));
    await reconcileCounts([campaign.id]);
    await db().campaignTranslation.create({ data: { campaignId: campaign.id, locale: "ur", title: "آزمائشی مہم", summary: "خلاصہ", statement: "بیان" } });
    const fetch = vi.fn(() => Promise.reject(new Error("a share image must not reach the internet")));
    vi.stubGlobal("fetch", fetch);
    const response = await call(campaignImage, campaign.slug, "ur");
    expect(response.status).toBe(200);
    const urdu = await bytes(response);
    expect(readPng(urdu)).toMatchObject({ width: 1200, height: 630, texts: { Description: "آزمائشی مہم\n34 دستخط\nہدف: 5,000" } });
    const english = await bytes(await call(campaignImage, campaign.slug));
    expect(readPng(english).texts.Description).toBe(`${campaign.title}\n34 signatures\nGoal: 5,000`);
    expect(fetch).not.toHaveBeenCalled();
    // Drawn, not blank, and aligned to each language's start: the short title is on the right in Urdu.
    expect(ink(urdu, HEADLINE_RIGHT)).toBeGreaterThan(1000);
    expect(ink(urdu, HEADLINE_LEFT)).toBe(0);
    expect(ink(english, HEADLINE_LEFT)).toBeGreaterThan(1000);
    expect(ink(english, HEADLINE_RIGHT)).toBe(0);
  });

  it("on an Urdu page without a translation shows the original title, in its own direction", async () => {
    const campaign = await createCampaign({ goal: 10 });
    const image = await bytes(await call(campaignImage, campaign.slug, "ur"));
    expect(readPng(image).texts.Description).toBe(`${campaign.title}\n0 دستخط\nہدف: 10`);
    expect(ink(image, HEADLINE_RIGHT)).toBeGreaterThan(1000);
  });

  it("draws what no bundled font has as a missing-glyph box rather than fetching a font", async () => {
    const fetch = vi.fn(() => Promise.reject(new Error("a share image must not reach the internet")));
    vi.stubGlobal("fetch", fetch);
    const content = { kicker: "Test", headline: "漢字 🙂 کیا", lines: ["1"], footer: "x", locale: "ur", dir: "rtl" as const };
    const image = await shareImage(`test:missing-glyphs:${Date.now()}`, async () => content);
    expect(readPng(image!)).toMatchObject({ width: 1200, height: 630 });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("is drawn in the page's language for each of the site's, in the default one for anything else", () => {
    expect(["en", "ur", "xx", "../"].map(cardLocale)).toEqual(["en", "ur", "en", "en"]);
  });

  it("is not found for drafts and unknown campaigns", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await call(campaignImage, draft.slug)).status).toBe(404);
    expect((await call(campaignImage, "no-such-campaign")).status).toBe(404);
  });
});

/** The smallest box holding every pixel that differs between two images of the same size (null: identical), decoded by sharp. */
async function difference(first: Buffer, second: Buffer): Promise<{ left: number; top: number; right: number; bottom: number } | null> {
  const [a, b] = await Promise.all([first, second].map((png) => sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })));
  expect([b!.info.width, b!.info.height]).toEqual([a!.info.width, a!.info.height]);
  let box: { left: number; top: number; right: number; bottom: number } | null = null;
  for (let at = 0; at < a!.data.length; at += 4) {
    if (a!.data.readUInt32BE(at) === b!.data.readUInt32BE(at)) continue;
    const [x, y] = [(at / 4) % a!.info.width, Math.floor(at / 4 / a!.info.width)];
    box = box
      ? { left: Math.min(box.left, x), top: Math.min(box.top, y), right: Math.max(box.right, x + 1), bottom: Math.max(box.bottom, y + 1) }
      : { left: x, top: y, right: x + 1, bottom: y + 1 };
  }
  return box;
}
// The first two lines of the column at the bottom (lib/sharing/card-svg.ts): the count, then the goal.
const COUNT_LINE = { left: 72, top: 355, right: 1128, bottom: 416 };
const GOAL_LINE = { left: 72, top: 429, right: 1128, bottom: 473 };

describe("the count and goal on a share image", () => {
  const card = (count: string, goal: string) => ({
    kicker: "Advocate test organisation",
    headline: "Protect human rights defenders",
    lines: [count, goal],
    progress: 0.5,
    footer: "Sign at advocate.example",
    locale: "en",
    dir: "ltr" as const,
  });
  // A fresh key each time: every call renders, none is served from the kept images.
  let renders = 0;
  const render = async (count: string, goal: string) => (await shareImage(`test:drawn:${Date.now()}:${renders++}`, async () => card(count, goal)))!;

  it("are drawn in their lines, not only named in the text chunk", async () => {
    const few = await render("3 signatures", "Goal: 5,000");
    // The same words render to the same pixels, so any difference below is the words'.
    expect(await difference(few, await render("3 signatures", "Goal: 5,000"))).toBeNull();

    const many = await difference(few, await render("987,654 signatures", "Goal: 5,000"));
    expect(many).not.toBeNull();
    expect(many!.top).toBeGreaterThanOrEqual(COUNT_LINE.top);
    expect(many!.bottom).toBeLessThanOrEqual(COUNT_LINE.bottom);
    expect(many!.left).toBeGreaterThanOrEqual(COUNT_LINE.left);
    expect(many!.right).toBeLessThanOrEqual(COUNT_LINE.right);

    const higher = await difference(few, await render("3 signatures", "Goal: 1,000,000"));
    expect(higher).not.toBeNull();
    expect(higher!.top).toBeGreaterThanOrEqual(GOAL_LINE.top);
    expect(higher!.bottom).toBeLessThanOrEqual(GOAL_LINE.bottom);
    expect(higher!.left).toBeGreaterThanOrEqual(GOAL_LINE.left);
    expect(higher!.right).toBeLessThanOrEqual(GOAL_LINE.right);
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
    // In Urdu: the country's Urdu name, the stages' names as the record has them, in a right-to-left line.
    const inUrdu = readPng(await bytes(await countryImage(new Request("http://localhost/"), { params: Promise.resolve({ locale: "ur", slug: campaign.slug, iso3: "PAK" }) })));
    expect(inUrdu).toMatchObject({ width: 1200, height: 630 });
    expect(inUrdu.texts.Description).toBe("پاکستان نے مخالفت میں ووٹ دیا\nBody 1، 2015: مخالفت میں\nBody 2، 2015: مخالفت میں");
    expect((await countryImage(new Request("http://localhost/"), params("XYZ"))).status).toBe(404);
    expect((await countryImage(new Request("http://localhost/"), params("../x"))).status).toBe(404);
  });
});
