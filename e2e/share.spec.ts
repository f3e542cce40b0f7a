import { expect, test } from "@playwright/test";
import { campaign } from "./support/facts";

// Journey: a campaign spreads: search engines find it, other sites read its figures.

test("search engines get a sitemap, robots rules, a canonical URL and structured data", async ({ page, request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/c/${campaign.slug}</loc>`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Disallow: \/admin/);
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);

  await page.goto(`/c/${campaign.slug}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/c/${campaign.slug}$`));
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(data).toMatchObject({ "@type": "WebPage", name: campaign.title });
});

test("the public API answers other sites with the live count and cache headers", async ({ request }) => {
  const response = await request.get(`/api/campaigns/${campaign.slug}`, { headers: { Origin: "https://example.org" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["cache-control"]).toContain("s-maxage=");
  const body = await response.json();
  expect(body).toMatchObject({ slug: campaign.slug, title: campaign.title, status: "OPEN" });
  expect(typeof body.confirmed).toBe("number");
});
