import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createCampaign, withDb } from "./support/db";
import { baseURL } from "./support/env";
import { linkIn, mailsTo } from "./support/mail";
import { createStaff, signInByApi } from "./support/staff";

// Journey: a partner site embeds the petition; a reader signs inside the frame without leaving it.
// The partner page is served from another origin (another host and port) by a server of this test.

let partner: http.Server;
let partnerUrl: string;
let html = "";

test.beforeAll(async () => {
  partner = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((resolve) => partner.listen(0, "localhost", resolve));
  partnerUrl = `http://localhost:${(partner.address() as AddressInfo).port}/`;
  expect(new URL(partnerUrl).origin).not.toBe(new URL(baseURL).origin);
});
test.afterAll(() => new Promise<void>((resolve) => partner.close(() => resolve())));

test("a reader signs through the widget in an iframe on another site, which follows its height", async ({ page, browser }) => {
  const campaign = await createCampaign();
  // The partner pastes the snippet the admin copies from the campaign's reach page.
  const admin = await browser.newPage();
  await signInByApi(admin.request, await createStaff("ADMIN"));
  await admin.goto(`/admin/campaigns/${campaign.id}/reach`);
  const snippet = await admin.getByLabel("HTML to copy").inputValue();
  expect(snippet).toContain(`<iframe src="${baseURL}/en/embed/${campaign.slug}"`);
  html = `<!doctype html><html><head><title>Partner</title></head><body><h1>Partner news</h1>${snippet}</body></html>`;
  await page.goto(partnerUrl);
  const iframe = page.locator("iframe");
  const frame = page.frameLocator("iframe");
  await expect(frame.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
  await expect(frame.getByTestId("confirmed-count")).toHaveText("0 signatures");
  // The widget reported its height: the iframe was resized from the snippet's default.
  await expect.poll(async () => (await iframe.boundingBox())?.height).not.toBe(704);

  const email = `embed-${randomUUID().slice(0, 8)}@example.org`;
  await frame.getByLabel("Full name").fill("Asma Jahangir");
  await frame.getByLabel("Email address").fill(email);
  await frame.getByLabel("Country", { exact: true }).selectOption("PAK");
  const before = (await iframe.boundingBox())!.height;
  await frame.getByRole("button", { name: "Sign the petition" }).click();
  await expect(frame.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect(page.url()).toBe(partnerUrl); // the reader never left the partner's page
  await expect.poll(async () => (await iframe.boundingBox())!.height).not.toBe(before);

  const rows = await withDb(async (client) => (await client.query(`SELECT "fullName", status, "utmSource" FROM "Signature" WHERE "campaignId" = $1`, [campaign.id])).rows);
  expect(rows).toEqual([{ fullName: "Asma Jahangir", status: "PENDING", utmSource: "embed" }]);

  const [mail] = await mailsTo(email);
  const confirm = await page.context().newPage();
  await confirm.goto(linkIn(mail!, "confirm"));
  await confirm.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(confirm.getByRole("heading", { level: 1, name: "Your signature is confirmed" })).toBeVisible();
  // The widget's page is cached for a few seconds: its count follows within 10 s.
  await expect(async () => {
    await page.reload();
    await expect(page.frameLocator("iframe").getByTestId("confirmed-count")).toHaveText("1 signature", { timeout: 500 });
  }).toPass({ timeout: 12_000, intervals: [500, 1_000] });
});

test("only the widget may be framed by other sites", async ({ request }) => {
  const campaign = await createCampaign();
  const embed = await request.get(`/embed/${campaign.slug}`);
  expect(embed.status()).toBe(200);
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["content-security-policy"] ?? "").not.toMatch(/frame-ancestors 'none'/);
  for (const path of [`/c/${campaign.slug}`, "/", "/admin/login"]) {
    const response = await request.get(path);
    const refused = response.headers()["x-frame-options"] === "DENY" || /frame-ancestors 'none'/.test(response.headers()["content-security-policy"] ?? "");
    expect(refused, `${path} must refuse framing`).toBe(true);
  }
});
