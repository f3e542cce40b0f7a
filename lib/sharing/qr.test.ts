import jsQR from "jsqr";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/[locale]/(site)/c/[slug]/qr/[format]/route";
import { createCampaign } from "@/lib/test/factories";

beforeAll(() => void vi.stubEnv("APP_URL", "https://qr.example"));
afterAll(() => void vi.unstubAllEnvs());

const call = (slug: string, format: string, locale = "en") => GET(new Request("http://localhost/"), { params: Promise.resolve({ locale, slug, format }) });

/** What a phone's camera reads: the image flattened onto white, with a wide white margin around it, decoded by jsQR. */
async function decode(image: Buffer): Promise<string | null> {
  const { data, info } = await sharp(image, { density: 300 })
    .flatten({ background: "#ffffff" })
    .resize(800, 800, { fit: "contain", background: "#ffffff" })
    .extend({ top: 40, bottom: 40, left: 40, right: 40, background: "#ffffff" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

describe("campaign QR code", () => {
  it("is an SVG or a 1024 px PNG of the campaign's address, offered as a download", async () => {
    const campaign = await createCampaign();
    const svg = await call(campaign.slug, "svg");
    expect(svg.headers.get("content-type")).toBe("image/svg+xml");
    expect(svg.headers.get("content-disposition")).toBe(`attachment; filename="${campaign.slug}-qr.svg"`);
    expect(await svg.text()).toMatch(/^<svg[^>]*viewBox="0 0 \d+ \d+"/);

    const png = Buffer.from(await (await call(campaign.slug, "png")).arrayBuffer());
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
  });

  it("reads back as the campaign's address in the page's language, tagged utm_source=qr, in both formats", async () => {
    const campaign = await createCampaign();
    const address = `https://qr.example/en/c/${campaign.slug}?utm_source=qr`;
    const png = Buffer.from(await (await call(campaign.slug, "png")).arrayBuffer());
    expect(await decode(png)).toBe(address);
    const svg = Buffer.from(await (await call(campaign.slug, "svg")).arrayBuffer());
    expect(await decode(svg)).toBe(address);
    // The Urdu page's code leads to the Urdu page.
    const urdu = Buffer.from(await (await call(campaign.slug, "png", "ur")).arrayBuffer());
    expect(await decode(urdu)).toBe(`https://qr.example/ur/c/${campaign.slug}?utm_source=qr`);
  });

  it("is drawn once and served the same from then on, with headers a shared cache keeps for a day", async () => {
    const campaign = await createCampaign();
    const first = await call(campaign.slug, "png");
    expect(first.headers.get("cache-control")).toBe("public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800");
    const again = await call(campaign.slug, "png");
    expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    // Each answer has a body of its own (a kept buffer handed out twice would be detached by the first reader).
    expect((await (await call(campaign.slug, "png")).arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });

  it("answers 404 for unknown campaigns, drafts and formats", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await call("no-such-campaign", "svg")).status).toBe(404);
    expect((await call(draft.slug, "png")).status).toBe(404);
    const open = await createCampaign();
    expect((await call(open.slug, "gif")).status).toBe(404);
  });
});
