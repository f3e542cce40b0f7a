import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { readPng } from "../lib/sharing/png-text";
import { confirmedSignatures, createCampaign } from "./support/db";
import { campaign } from "./support/facts";
import { linkIn, mailsTo } from "./support/mail";
import { createStaff, signInByApi } from "./support/staff";
import { expectOnPageSoon } from "./support/fresh";

// Journey: a campaign spreads: search engines find it, other sites read its figures.

test("search engines get a sitemap, robots rules, a canonical URL and structured data", async ({ page, request }) => {
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(sitemap).toContain(`/c/${campaign.slug}</loc>`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/^Disallow: \/en\/admin$/m);
  expect(robots).toMatch(/^Disallow: \/ur\/confirm\/$/m);
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);

  await page.goto(`/c/${campaign.slug}`);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/c/${campaign.slug}$`));
  const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(data).toMatchObject({
    "@type": "WebPage",
    name: campaign.title,
    inLanguage: "en",
    url: expect.stringMatching(new RegExp(`/en/c/${campaign.slug}$`)),
    publisher: { "@type": "Organization", name: expect.stringContaining("CLAAS") },
    mainEntity: { "@type": "CreativeWork", author: { "@type": "Organization" }, datePublished: expect.stringMatching(/^2015/) },
  });
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

test("signatures over time: open data from the API, and a chart with its figures on the campaign page, in both languages", async ({ page, request }) => {
  const fresh = await createCampaign();
  await confirmedSignatures(fresh.id, 3);
  const response = await request.get(`/api/campaigns/${fresh.slug}/series?interval=hour`, { headers: { Origin: "https://example.org" } });
  expect(response.status()).toBe(200);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  const body = await response.json();
  expect(body).toMatchObject({ slug: fresh.slug, interval: "hour", points: [{ change: 3, total: 3 }] });
  expect(body.points[0].start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\.000Z$/);
  expect((await request.get(`/api/campaigns/${fresh.slug}/series?interval=week`)).status()).toBe(400);

  for (const [locale, heading] of [["en", "Signatures over time"], ["ur", "وقت کے ساتھ دستخط"]]) {
    await expectOnPageSoon(page, `/${locale}/c/${fresh.slug}`, async () => expect(page.getByRole("heading", { name: heading })).toBeVisible());
    const chart = page.locator(".count-over-time");
    await expect(chart.getByRole("img")).toHaveAttribute("aria-label", /3/);
    await chart.locator("summary").click();
    await expect(chart.locator("tbody tr")).toHaveCount(1);
    await expect(chart.locator("tbody td").last()).toHaveText("3");
    expect(await chart.getByRole("link").getAttribute("href")).toBe(`/api/campaigns/${fresh.slug}/series`);
  }
});

test("every campaign page has Open Graph and Twitter cards whose image is a 1200x630 PNG with the live count", async ({ page, request }) => {
  const campaign = await createCampaign({ goal: 500 });
  await page.goto(`/c/${campaign.slug}`);
  const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");
  expect(await meta("og:title")).toBe(campaign.title);
  expect(await meta("twitter:card")).toBe("summary_large_image");
  const imageUrl = (await meta("og:image"))!;
  expect(imageUrl).toMatch(new RegExp(`^http://.*/c/${campaign.slug}/share-image\\?v=0$`));
  expect(await meta("og:image:width")).toBe("1200");

  const image = await request.get(imageUrl);
  expect(image.headers()["content-type"]).toBe("image/png");
  const png = readPng(await image.body());
  expect(png).toMatchObject({ width: 1200, height: 630 });
  expect(png.texts.Description).toBe(`${campaign.title}\n0 signatures\nGoal: 500`);

  await confirmedSignatures(campaign.id, 3);
  // The page is cached for a few seconds: its card follows the count within 10 s.
  await expectOnPageSoon(page, `/c/${campaign.slug}`, async () => expect(await meta("og:image")).toMatch(/share-image\?v=3$/));
  // Kept at most REFRESH_MS (10 s), then shown with the new count.
  await expect.poll(async () => readPng(await (await request.get(imageUrl)).body()).texts.Description, { timeout: 20_000, intervals: [1000] }).toContain("3 signatures");
});

test("every public page has a canonical URL and Open Graph and Twitter cards with a 1200x630 image, in both languages", async ({ page, request }) => {
  for (const locale of ["en", "ur"]) {
    for (const path of ["", "/privacy", `/c/${campaign.slug}`, `/c/${campaign.slug}/votes`, `/c/${campaign.slug}/country/PAK`]) {
      const url = `/${locale}${path}`;
      await page.goto(url);
      const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).first().getAttribute("content");
      const title = await page.title();
      expect(await page.locator('link[rel="canonical"]').getAttribute("href"), url).toMatch(new RegExp(`^http://[^/]+${url.replace(/[?]/g, "\\$&")}$`));
      expect(await meta("og:url"), url).toMatch(new RegExp(`${url}$`));
      // The share title is the page's own (the tab's title without the site's name after it).
      expect(title.startsWith((await meta("og:title"))!), `${url}: "${title}" / "${await meta("og:title")}"`).toBe(true);
      expect(await meta("twitter:card"), url).toBe("summary_large_image");
      expect(await meta("og:description"), url).toBeTruthy();
      const image = await request.get((await meta("og:image"))!);
      expect(image.status(), url).toBe(200);
      expect(readPng(await image.body()), url).toMatchObject({ width: 1200, height: 630 });
    }
  }
});

test("the campaign page counts signatures by country, with counts under 5 shown as fewer than 5", async ({ page }) => {
  const fresh = await createCampaign();
  await confirmedSignatures(fresh.id, 6, "PAK");
  await confirmedSignatures(fresh.id, 5, "GBR");
  await confirmedSignatures(fresh.id, 4, "NOR");
  await page.goto(`/c/${fresh.slug}`);
  const table = page.getByRole("table", { name: "Confirmed signatures by the signers' country" });
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim())));
  expect(rows).toEqual([
    ["Pakistan", "6"],
    ["United Kingdom", "5"],
    ["Norway", "fewer than 5"],
  ]);
});

test("the copy button puts the campaign's link on the clipboard and says so; the share button hands it to the device's share sheet", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  // A phone's share sheet, recorded (desktop Chromium has none, so the button would not show).
  await page.addInitScript(() => {
    const shared: ShareData[] = [];
    Object.assign(window, { __shared: shared });
    navigator.share = async (data?: ShareData) => void shared.push(data ?? {});
  });
  await page.goto(`/en/c/${campaign.slug}`);
  const link = await page.getByLabel("Link to the campaign").inputValue();
  expect(link).toMatch(new RegExp(`^http://[^/]+/en/c/${campaign.slug}$`));

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  await page.getByRole("button", { name: "Share…" }).click();
  const shared = await page.evaluate(() => (window as unknown as { __shared: ShareData[] }).__shared);
  expect(shared).toEqual([{ url: link, title: campaign.title, text: expect.stringContaining(campaign.title) }]);
});

test("without a share sheet there is no share button, and the link can still be copied", async ({ page }) => {
  await page.goto(`/en/c/${campaign.slug}`);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Share…" })).toHaveCount(0);
});

test("a referral followed from a personal link is credited to its signer, who sees it, and shows in the admin's report", async ({ browser }) => {
  const campaign = await createCampaign();
  // Two people on one network (the browser's address), as behind a carrier's shared address: with
  // mailboxes at a big provider, the network's limit does not hold the second back.
  const visitor = async () => (await browser.newContext()).newPage();
  const first = await visitor();
  const firstEmail = `referrer${randomUUID().slice(0, 8)}@gmail.com`;
  await first.goto(`/c/${campaign.slug}`);
  await signWith(first, "Rashid Minhas", firstEmail);
  // The personal link comes once confirmed (the page after signing is the same for every address).
  await confirmFromMail(first, firstEmail);
  await first.getByRole("button", { name: "Yes, I will share it" }).click();
  const personalUrl = await first.getByLabel("Link to the campaign").inputValue();
  const whatsapp = new URL((await first.getByRole("link", { name: "Share on WhatsApp" }).getAttribute("href"))!);
  const sharedUrl = whatsapp.searchParams.get("text")!.split(" ").at(-1)!;
  expect(sharedUrl).toBe(`${personalUrl}&utm_source=whatsapp`);

  // A friend follows the link shared on WhatsApp and signs; their confirmation counts for the first.
  const friend = await visitor();
  const friendEmail = `friend${randomUUID().slice(0, 8)}@outlook.com`;
  await friend.goto(sharedUrl);
  await signWith(friend, "Noor Jahan", friendEmail);
  await confirmFromMail(friend, friendEmail);

  // The first signer sees it from the link in their mail, without an account.
  const [mail] = await mailsTo(firstEmail);
  await first.goto(mail!.text.match(/https?:\/\/\S+\/my-data\/[\w-]{43}/)![0]);
  await expect(first.getByTestId("referral-count")).toHaveText("1 person has signed through your link (confirmed signatures only).");

  // The admin's reach report names the referrer and the channel.
  const admin = await browser.newPage();
  await signInByApi(admin.request, await createStaff("ADMIN"));
  await admin.goto(`/admin/campaigns/${campaign.id}/reach`);
  const referrers = admin.getByRole("table", { name: "Top referrers" });
  await expect(referrers.getByRole("row", { name: /Rashid Minhas/ })).toContainText("Pakistan11");
  const sources = admin.getByRole("table", { name: "Top sources" });
  await expect(sources.getByRole("row", { name: /whatsapp/ })).toContainText("whatsapp11");
});

async function signWith(page: Page, name: string, email: string) {
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Country", { exact: true }).selectOption("PAK");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
}

async function confirmFromMail(page: Page, email: string) {
  const [mail] = await mailsTo(email);
  await page.goto(linkIn(mail!, "confirm"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your signature is confirmed" })).toBeVisible();
}
