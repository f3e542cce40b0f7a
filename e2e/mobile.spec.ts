import { expect, test } from "@playwright/test";
import { campaign } from "./support/facts";

// On a phone the page must not scroll sideways, and the lookup must be usable.
test("the campaign page fits a phone screen", async ({ page }) => {
  await page.goto(`/c/${campaign.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "How did my country vote?" }).click();
  await page.getByLabel("Look up a country").selectOption("PAK");
  await page.getByRole("button", { name: "Show the votes" }).click();
  await expect(page.locator(".lookup-result").getByRole("heading", { name: "Pakistan" })).toBeVisible();
  // The votes page's table is wider than a phone: it scrolls inside its own box, not the page.
  const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(pageOverflow).toBeLessThanOrEqual(0);
});

// After "yes, I will share it", WhatsApp comes first and takes the whole row on a phone; the letter
// page fits the screen too.
test("on a phone the thank-you page puts WhatsApp first, the width of the screen, and the letters fit", async ({ page }) => {
  await page.goto(`/en/c/${campaign.slug}/thanks?result=check-email`);
  await page.getByRole("button", { name: "Yes, I will share it" }).click();
  const whatsapp = page.getByRole("link", { name: "Share on WhatsApp" });
  await expect(whatsapp).toBeVisible();
  const [link, list] = await Promise.all([whatsapp.boundingBox(), page.locator(".share-links").boundingBox()]);
  expect(link!.width).toBeGreaterThan(list!.width - 2);
  await page.goto(`/en/c/${campaign.slug}/write`);
  await expect(page.getByRole("heading", { level: 1, name: "Write to the decision-makers" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
