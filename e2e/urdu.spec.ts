import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import ur from "../messages/ur.json";
import { readPng } from "../lib/sharing/png-text";
import { createCampaign, signatureRows, withDb } from "./support/db";
import { campaign as seeded, urduCampaign } from "./support/facts";
import { linkIn, mailsTo } from "./support/mail";
import { createStaff, signInByApi } from "./support/staff";
import { expectOnPageSoon } from "./support/fresh";

// Journey: a reader in Pakistan reads and signs in Urdu, right to left, in the bundled Nastaliq font.

test("a visitor whose browser asks for Urdu is sent to the Urdu site; English stays one link away", async ({ browser }) => {
  const campaign = await createCampaign();
  const context = await browser.newContext({ locale: "ur-PK", extraHTTPHeaders: { "Accept-Language": "ur-PK,ur;q=0.9,en;q=0.5" } });
  const page = await context.newPage();
  await page.goto(`/c/${campaign.slug}`);
  await expect(page).toHaveURL(new RegExp(`/ur/c/${campaign.slug}$`));
  await page.getByRole("navigation", { name: ur.Site.languages }).getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(new RegExp(`/en/c/${campaign.slug}$`));
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await context.close();
});

test("Urdu pages fetch the bundled Nastaliq once, preloaded; English pages never fetch it", async ({ page }) => {
  const campaign = await createCampaign();
  const fonts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "font") fonts.push(new URL(request.url()).pathname);
  });
  await page.goto(`/en/c/${campaign.slug}`, { waitUntil: "load" });
  await page.evaluate(() => document.fonts.ready);
  expect(fonts).toEqual([]);

  await page.goto(`/ur/c/${campaign.slug}`);
  // A cached page's render carries the preload twice (React's hint and the element; one download, below).
  const preloads = await page.locator('head link[rel="preload"][as="font"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")));
  expect(preloads.length).toBeGreaterThan(0);
  for (const href of preloads) expect(href).toMatch(/^\/fonts\/noto-nastaliq-urdu-400-urdu-[\d.]+-\d+\.woff2$/);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', "پاکستان"))).toBe(true);
  // The preload and the stylesheet's @font-face are one download (a crossorigin mismatch would make two).
  expect(fonts).toHaveLength(1);
});

test("the Urdu campaign page reads right to left in Nastaliq, and the signing path has no English left", async ({ page }) => {
  const campaign = await createCampaign();
  const email = `urdu-${randomUUID().slice(0, 8)}@example.org`;
  await page.goto(`/ur/c/${campaign.slug}`);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("lang", "ur");
  await expect(html).toHaveAttribute("dir", "rtl");
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Noto Nastaliq Urdu");
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', "پاکستان"))).toBe(true);

  // The campaign has no Urdu translation: its English title says it is English, and a note says why.
  await expect(page.getByRole("heading", { level: 1, name: campaign.title })).toHaveAttribute("lang", "en");
  await expect(page.getByText(ur.Campaign.translationMissing.replace("{language}", "انگریزی"))).toBeVisible();

  // The signing panel: every word is Urdu (the campaign's own text is English, there is no
  // translation yet, and the organisation's name stays as it is).
  const panel = page.getByRole("complementary", { name: ur.Petition.form.heading });
  await expect(panel.getByLabel(ur.Petition.form.fullName)).toBeVisible();
  const panelText = (await panel.innerText()).replaceAll("Test organisation", "");
  expect(panelText.match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
  // The form's box sits on the right: its start edge is the right edge in right-to-left.
  const box = (await panel.getByLabel(ur.Petition.form.fullName).boundingBox())!;
  const label = (await panel.getByText(ur.Petition.form.fullName, { exact: true }).boundingBox())!;
  expect(label.x + label.width).toBeGreaterThan(box.x + box.width - 4);

  await panel.getByLabel(ur.Petition.form.fullName).fill("ملالہ یوسفزئی");
  await panel.getByLabel(ur.Petition.form.email).fill(email);
  await panel.getByLabel(ur.Petition.form.country, { exact: true }).selectOption("PAK");
  await panel.getByRole("button", { name: ur.Petition.form.submit }).click();
  await expect(page.getByRole("heading", { level: 1, name: ur.Petition.thanks["title-check-email"] })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/ur/c/${campaign.slug}/thanks`));
  // Only names that are the same in every language: services and file formats.
  const names = new Set(["WhatsApp", "Facebook", "Telegram", "LinkedIn", "SVG", "PNG", "QR"]);
  const english = ((await page.locator("main").innerText()).replaceAll(campaign.title, "").match(/[A-Za-z]{3,}/g) ?? []).filter((word) => !names.has(word));
  expect(english).toEqual([]);

  // The mail is in Urdu, and its links open the Urdu pages.
  const [mail] = await mailsTo(email);
  expect(mail!.subject).toBe(ur.Email.confirmation.subject.replace("{title}", campaign.title));
  const confirmUrl = linkIn(mail!, "confirm");
  expect(new URL(confirmUrl).pathname).toMatch(/^\/ur\/confirm\//);
  await page.goto(confirmUrl);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.locator("main form button[type=submit]").click();
  await expect(page.getByRole("heading", { level: 1, name: ur.Petition.thanks["title-confirmed"] })).toBeVisible();
  expect((await signatureRows(campaign.id))[0]!.status).toBe("CONFIRMED");
});

test("the staff sign-in page is in Urdu and right to left too", async ({ page }) => {
  await page.goto("/ur/admin/login");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: ur.Admin.login.title })).toBeVisible();
});

test("on the Urdu admin pages, a campaign's English title is marked as English", async ({ page }) => {
  const campaign = await createCampaign();
  await signInByApi(page.request, await createStaff("ADMIN"));
  await page.goto("/ur/admin");
  await expect(page.getByRole("heading", { level: 3, name: campaign.title }).locator('[lang="en"]')).toHaveText(campaign.title);
  await page.goto("/ur/admin/campaigns");
  await expect(page.getByRole("rowheader", { name: campaign.title }).locator('[lang="en"]')).toHaveText(campaign.title);
  await page.goto("/ur/admin/signatures");
  await expect(page.locator(`#f-campaign option[value="${campaign.id}"]`)).toHaveAttribute("lang", "en");
  await page.goto("/ur/admin/integrity");
  await expect(page.locator(`#i-campaign option[value="${campaign.id}"]`)).toHaveAttribute("lang", "en");
});

test("a translated campaign is listed, titled and thanked in Urdu; the English site keeps the original", async ({ page }) => {
  const campaign = await createCampaign();
  const urduTitle = `انسانی حقوق کے محافظوں کا تحفظ ${campaign.slug}`;
  await withDb((client) =>
    client.query(
      `INSERT INTO "CampaignTranslation" ("campaignId", locale, title, summary, statement, "updatedAt") VALUES ($1, 'ur', $2, 'ایک خلاصہ۔', 'پہلا پیراگراف۔', now())`,
      [campaign.id, urduTitle],
    ),
  );
  // The home page: the translation's title and summary, marked as Urdu.
  // The home page is cached for a few seconds: a new campaign is listed within 10 s.
  const listed = page.getByRole("heading", { level: 2, name: urduTitle });
  await expectOnPageSoon(page, "/ur", () => expect(listed).toHaveAttribute("lang", "ur", { timeout: 500 }));
  await expect(page.getByRole("heading", { level: 2, name: campaign.title })).toHaveCount(0);
  // The campaign page's title (browser tab, search results, share previews) and its Open Graph title.
  await listed.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/ur/c/${campaign.slug}$`));
  await expect(page).toHaveTitle(new RegExp(urduTitle));
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", urduTitle);
  // The thank-you page names the campaign in Urdu too.
  await page.goto(`/ur/c/${campaign.slug}/thanks`);
  await expect(page.locator("main").getByText(urduTitle, { exact: true })).toHaveAttribute("lang", "ur");
  // The English site is unchanged.
  await expectOnPageSoon(page, "/en", () => expect(page.getByRole("heading", { level: 2, name: campaign.title })).toHaveAttribute("lang", "en", { timeout: 500 }));
  await page.goto(`/en/c/${campaign.slug}`);
  await expect(page).toHaveTitle(new RegExp(campaign.title));
});

test("the seeded campaign reads in Urdu: title, summary, the whole statement and its share card, marked as a translation of the prevailing English", async ({ page, request }) => {
  await page.goto(`/ur/c/${seeded.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: urduCampaign.title })).toHaveAttribute("lang", "ur");
  await expect(page.getByText(ur.Campaign.translationShown.replaceAll("{language}", "انگریزی"))).toBeVisible();
  await expect(page.locator("main").getByText(urduCampaign.summary, { exact: true })).toBeVisible();
  // Every paragraph of the translation, and no English sentence of the original.
  const paragraphs = urduCampaign.statement.split(/\n\s*\n/).map((paragraph) => paragraph.trim());
  for (const paragraph of paragraphs) await expect(page.locator("main").getByText(paragraph, { exact: true })).toBeVisible();
  expect(await page.locator("main").innerText()).not.toContain("CLAAS has expressed its concern");
  // The share card says it in Urdu too.
  const image = await request.get((await page.locator('meta[property="og:image"]').getAttribute("content"))!);
  expect(readPng(await image.body()).texts.Description).toContain(urduCampaign.title);
  // The English page keeps the original.
  await page.goto(`/en/c/${seeded.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: seeded.title })).toBeVisible();
});
