import { describe, expect, it } from "vitest";
import { GET } from "@/app/[locale]/(site)/c/[slug]/qr/[format]/route";
import { createCampaign } from "@/lib/test/factories";

const call = (slug: string, format: string) => GET(new Request("http://localhost/"), { params: Promise.resolve({ locale: "en", slug, format }) });

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

  it("answers 404 for unknown campaigns, drafts and formats", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await call("no-such-campaign", "svg")).status).toBe(404);
    expect((await call(draft.slug, "png")).status).toBe(404);
    const open = await createCampaign();
    expect((await call(open.slug, "gif")).status).toBe(404);
  });
});
