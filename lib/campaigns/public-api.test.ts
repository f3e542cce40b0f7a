import { describe, expect, it } from "vitest";
import { GET, OPTIONS } from "@/app/api/campaigns/[slug]/route";
import { createCampaign, createSignatures } from "@/lib/test/factories";

const call = (slug: string) => GET(new Request(`http://localhost/api/campaigns/${slug}`), { params: Promise.resolve({ slug }) });

describe("GET /api/campaigns/[slug]", () => {
  it("gives the count, the goal and counts by country with small counts hidden, cacheable and open to all sites", async () => {
    const campaign = await createCampaign({ goal: 500 });
    await createSignatures(campaign.id, [
      ...Array.from({ length: 6 }, () => ({ status: "CONFIRMED" as const, country: "PAK" })),
      ...Array.from({ length: 4 }, () => ({ status: "CONFIRMED" as const, country: "NOR" })),
      { status: "PENDING" as const, country: "GBR" },
    ]);
    const response = await call(campaign.slug);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    expect(response.headers.get("cache-control")).toMatch(/stale-while-revalidate=\d+/);
    const body = await response.json();
    expect(body).toEqual({
      slug: campaign.slug,
      title: campaign.title,
      status: "OPEN",
      goal: 500,
      confirmed: 10,
      byCountry: [
        { country: "PAK", signatures: 6 },
        { country: "NOR", signatures: "<5" },
      ],
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it("answers 404 for drafts and unknown campaigns, and preflight requests", async () => {
    const draft = await createCampaign({ status: "DRAFT" });
    expect((await call(draft.slug)).status).toBe(404);
    expect((await call("no-such-campaign")).status).toBe(404);
    expect(OPTIONS().status).toBe(204);
  });
});
