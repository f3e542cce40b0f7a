import { expect, test } from "@playwright/test";
import en from "../messages/en.json";
import ur from "../messages/ur.json";
import { confirmedSignatures, createCampaign, createSignature } from "./support/db";
import { expectVisibleFocus, named, tabTo } from "./support/focus";
import { createStaff, signInByApi } from "./support/staff";

// Journey: staff hand the petition in. The delivery report prints without the site's frame, saves as
// a PDF, and carries the figures the public pages show, never an email or a network address.

test("staff open the delivery report, add the names signers agreed to show, and save it as a PDF", async ({ page }) => {
  const campaign = await createCampaign();
  await confirmedSignatures(campaign.id, 6, "PAK");
  await confirmedSignatures(campaign.id, 2, "NOR");
  const shown = await createSignature(campaign.id, { status: "CONFIRMED", fullName: "Asma Jahangir" });
  await signInByApi(page.request, await createStaff("MODERATOR"));

  await page.goto(`/en/admin/campaigns/${campaign.id}/report`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(campaign.title);
  await expect(page.getByRole("heading", { name: "9 confirmed signatures" })).toBeVisible();
  await expect(page.getByText(en.AdminReport.provisional)).toBeVisible();
  const countries = page.locator(".delivery-report table").first();
  await expect(countries.getByRole("row", { name: /Pakistan/ })).toContainText("7");
  await expect(countries.getByRole("row", { name: /Norway/ })).toContainText("fewer than 5");
  await expect(page.getByRole("heading", { name: en.Petition.overTime.heading })).toBeVisible();
  await expect(page.getByRole("heading", { name: en.Integrity.heading })).toBeVisible();
  // No names until asked for; then first names only.
  await expect(page.getByText("Asma")).toHaveCount(0);
  await page.getByRole("link", { name: en.AdminReport.withNames }).click();
  await expect(page.locator(".report-names")).toHaveText(/\bAsma\b/);
  const text = await page.locator(".delivery-report").innerText();
  expect(text).not.toContain("Jahangir");
  expect(text).not.toContain(shown.email);
  expect(text).not.toMatch(/@/);

  // Printed: the site's frame and the report's own buttons are left out.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".admin-nav")).toBeHidden();
  await expect(page.getByRole("button", { name: en.AdminReport.print })).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // What "Save as PDF" makes of it (Chromium's own PDF).
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.length).toBeGreaterThan(10_000);
});

test("the delivery report is for staff only", async ({ page }) => {
  const campaign = await createCampaign();
  await page.goto(`/en/admin/campaigns/${campaign.id}/report`);
  await expect(page).toHaveURL(/\/en\/admin\/login/);
});

test("with the keyboard alone, staff add the names to the report in Urdu and reach its print button", async ({ page }) => {
  const campaign = await createCampaign();
  await createSignature(campaign.id, { status: "CONFIRMED", fullName: "Asma Jahangir" });
  await signInByApi(page.request, await createStaff("MODERATOR"));
  await page.goto(`/ur/admin/campaigns/${campaign.id}/report`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await tabTo(page, named(ur.AdminReport.withNames), { max: 40 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.locator(".report-names")).toHaveText(/\bAsma\b/);
  // The print button comes just before the link (now "without the names"), where focus stayed.
  await expect(page.getByRole("link", { name: ur.AdminReport.withoutNames })).toBeFocused();
  await tabTo(page, named(ur.AdminReport.print), { back: true, max: 3 });
});
