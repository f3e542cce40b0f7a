import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createCampaign, createSignature, signatureRows } from "./support/db";
import { expectVisibleFocus, named, tabTo } from "./support/focus";
import { linkIn, mailsTo } from "./support/mail";
import { createStaff, signInByApi } from "./support/staff";

// Journey: someone who uses only a keyboard signs, fixes a mistake, confirms; a moderator acts on a
// signature. Only the keyboard moves and types (no clicks, no filling); pages are opened only where a
// person opens them (the campaign, the link in the mail, the admin). At every stop focus must show.

test("a visitor signs and confirms with the keyboard alone, recovering from an error", async ({ page }) => {
  const campaign = await createCampaign();
  const email = `keys-${randomUUID().slice(0, 8)}@example.org`;
  await page.goto(`/en/c/${campaign.slug}`);

  // The first Tab reaches the skip link; it moves focus to the main content, past the header.
  await page.keyboard.press("Tab");
  expect((await expectVisibleFocus(page)).name).toBe("Skip to main content");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  // The main region is a focus target, not a control: it shows no ring of its own.
  await expectVisibleFocus(page, { indicator: false });
  await page.keyboard.press("Tab");
  expect((await expectVisibleFocus(page)).id).toBe("fullName");

  // A mistake: an incomplete address and no country.
  await page.keyboard.type("Hina Jilani");
  await tabTo(page, named("Email address"));
  await page.keyboard.type("hina@");
  await tabTo(page, named("Sign the petition"));
  await page.keyboard.press("Enter");

  // Focus moves to the summary of the problems; each of its links takes focus to its field.
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expectVisibleFocus(page);
  await tabTo(page, named("Enter a valid email address, like name@example.org."), { max: 1 });
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Email address")).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(email);

  await tabTo(page, named("Choose your country."), { back: true });
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Country", { exact: true })).toBeFocused();
  await expectVisibleFocus(page);
  // The search box above the list narrows it and picks the first match.
  await tabTo(page, named("Search countries"), { back: true, max: 1 });
  await page.keyboard.type("Pakistan");
  await expect(page.getByLabel("Country", { exact: true })).toHaveValue("PAK");

  await tabTo(page, named("Sign the petition"));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect(await signatureRows(campaign.id)).toEqual([{ fullName: "Hina Jilani", email, country: "PAK", status: "PENDING" }]);

  // The link in the mail opens the confirmation page; its button works from the keyboard.
  await page.goto(linkIn((await mailsTo(email))[0]!, "confirm"));
  await tabTo(page, named("Confirm my signature"));
  await page.keyboard.press("Space");
  await expect(page.getByRole("heading", { level: 1, name: "Your signature is confirmed" })).toBeVisible();
  expect((await signatureRows(campaign.id))[0]!.status).toBe("CONFIRMED");
});

test("a moderator finds a signature and marks it as spam, with a reason, with the keyboard alone", async ({ page }) => {
  const campaign = await createCampaign();
  const name = `Keyboard ${randomUUID().slice(0, 8)}`;
  await createSignature(campaign.id, { status: "CONFIRMED", fullName: name });
  await signInByApi(page.request, await createStaff("MODERATOR"));
  await page.goto("/en/admin/signatures");

  // Filter: the search field, submitted with Enter.
  await tabTo(page, named("Search"), { max: 60 });
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/[?&]q=Keyboard/);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);

  // Tick the row, choose the action with the arrow keys, give the reason, preview, apply.
  await tabTo(page, named(`Select the signature of ${name}`), { max: 60 });
  await page.keyboard.press("Space");
  await expect(page.getByLabel(`Select the signature of ${name}`)).toBeChecked();
  await tabTo(page, named("The ticked rows"));
  await tabTo(page, named("Action"));
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Action")).toHaveValue("spam");
  await tabTo(page, named("Reason"));
  await page.keyboard.type("one of a burst from one network");
  await tabTo(page, named("Preview"));
  await page.keyboard.press("Enter");

  // Focus moves to the preview, so the next Tab reaches its button.
  const preview = page.locator("form.preview > p");
  await expect(preview).toHaveText("Mark as spam: this would change 1 signature.");
  await expect(preview).toBeFocused();
  await expectVisibleFocus(page);
  await tabTo(page, named("Apply to 1 signature"), { max: 1 });
  await page.keyboard.press("Enter");
  await expect(page.getByText("Mark as spam: 1 signature changed.")).toBeFocused();
  await expectVisibleFocus(page);
  expect((await signatureRows(campaign.id))[0]!.status).toBe("SPAM");
});
