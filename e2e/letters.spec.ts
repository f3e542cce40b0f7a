import { expect, test, type Page, type Response } from "@playwright/test";
import en from "../messages/en.json";
import ur from "../messages/ur.json";
import { createCampaign, createSignature, createTarget, lettersCounted, withDb } from "./support/db";
import { expectVisibleFocus, named, tabTo } from "./support/focus";
import { mailsTo } from "./support/mail";
import { createStaff, signInByApi } from "./support/staff";

// Journeys: a signer writes to a campaign's target (read, edit, open in their own mail app) in English
// with the keyboard alone and in Urdu; the thank-you page asks before it shows the share options;
// staff name a target and write the suggested letter. The mail app itself is outside the browser:
// what reaches it is the mailto: link the letter's post is answered with.

/** The letter as the signer's mail app receives it, from the answer to the letter's post. */
async function letterFrom(response: Response) {
  expect(response.status()).toBe(303);
  const link = response.headers().location!;
  expect(link.startsWith("mailto:")).toBe(true);
  const url = new URL(link);
  const query = new Map(url.search.slice(1).split("&").map((pair) => pair.split("=") as [string, string]));
  return { to: decodeURIComponent(url.pathname), subject: decodeURIComponent(query.get("subject")!), body: decodeURIComponent(query.get("body")!) };
}

const letterPost = (page: Page) => page.waitForResponse((response) => response.request().method() === "POST" && /\/write\/\d+$/.test(new URL(response.url()).pathname));

test("a signer writes to a target from the campaign page with the keyboard alone", async ({ page }) => {
  const campaign = await createCampaign();
  const target = await createTarget(campaign.id, { name: "Ministry of Foreign Affairs", email: "minister@example.org" });
  await page.goto(`/en/c/${campaign.slug}`);
  await expect(page.getByRole("heading", { name: en.Letters.invitation.heading })).toBeVisible();
  await tabTo(page, named(en.Letters.invitation.link), { max: 80 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/en/c/${campaign.slug}/write`);
  await expect(page.getByRole("heading", { level: 2, name: target.name })).toBeVisible();
  await expect(page.getByText("minister@example.org")).toBeVisible();

  // The suggested letter (the site's own: staff wrote none) names the target and the campaign.
  const body = page.getByLabel(en.Letters.body);
  await expect(body).toHaveValue(new RegExp(`^Dear ${target.name},[\\s\\S]*${campaign.title}`));
  await tabTo(page, named(en.Letters.subject));
  await expectVisibleFocus(page);
  await page.keyboard.press("End");
  await page.keyboard.type(" (from a voter)");
  await page.keyboard.press("Tab");
  await expect(body).toBeFocused();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("Hina Jilani");
  await tabTo(page, named(/^Open in my mail app/), { max: 3 });
  await expectVisibleFocus(page);
  const posted = letterPost(page);
  await page.keyboard.press("Enter");
  const letter = await letterFrom(await posted);
  expect(letter.to).toBe("minister@example.org");
  expect(letter.subject).toBe(`${campaign.title} (from a voter)`);
  expect(letter.body).toMatch(/^Dear Ministry of Foreign Affairs,\r\n\r\n/);
  expect(letter.body.endsWith("Yours sincerely,\r\nHina Jilani")).toBe(true);
  // The page stays, with what was written; the letter is counted, and nothing else is kept.
  await expect(page).toHaveURL(`/en/c/${campaign.slug}/write`);
  await expect.poll(() => lettersCounted(target.id)).toBe(1);
});

test("an Urdu reader writes the campaign's Urdu letter, right to left, to a target without a published address", async ({ page }) => {
  const campaign = await createCampaign();
  const target = await createTarget(campaign.id, { name: "Permanent Mission of Pakistan" });
  await withDb((client) =>
    client.query(`INSERT INTO "CampaignLetter" ("campaignId", locale, subject, body, "updatedAt") VALUES ($1, 'ur', 'انسانی حقوق کے محافظ', 'محترم [target]،\n\nگزارش ہے۔', now())`, [campaign.id]),
  );
  await page.goto(`/ur/c/${campaign.slug}/write`);
  await expect(page.getByRole("heading", { level: 1, name: ur.Letters.title })).toBeVisible();
  await expect(page.getByText(ur.Letters.noAddress)).toBeVisible();
  const body = page.getByLabel(ur.Letters.body);
  await expect(body).toHaveValue(`محترم ${target.name}،\n\nگزارش ہے۔`);
  await expect(body).toHaveAttribute("lang", "ur");
  expect(await body.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
  // The target's name is in the campaign's language, marked so.
  await expect(page.getByRole("heading", { level: 2, name: target.name })).toHaveAttribute("lang", "en");

  await body.fill(`محترم ${target.name}،\n\nمیں بھی یہی کہتی ہوں۔`);
  const posted = letterPost(page);
  await page.getByRole("button", { name: new RegExp(`^${ur.Letters.open}`) }).click();
  const letter = await letterFrom(await posted);
  expect(letter.to).toBe("");
  expect(letter.subject).toBe("انسانی حقوق کے محافظ");
  expect(letter.body).toBe(`محترم ${target.name}،\r\n\r\nمیں بھی یہی کہتی ہوں۔`);
  await expect.poll(() => lettersCounted(target.id)).toBe(1);
});

test("a campaign without targets has no letters to write", async ({ page }) => {
  const campaign = await createCampaign();
  await page.goto(`/en/c/${campaign.slug}`);
  await expect(page.getByRole("heading", { name: en.Letters.invitation.heading })).toHaveCount(0);
  expect((await page.goto(`/en/c/${campaign.slug}/write`))!.status()).toBe(404);
});

test("the thank-you page asks first: yes shows the share options, no leads to the letters", async ({ page }) => {
  const campaign = await createCampaign();
  await createTarget(campaign.id);
  await page.goto(`/en/c/${campaign.slug}/thanks?result=check-email`);
  await expect(page.getByRole("heading", { name: en.Petition.thanks.ask.heading })).toBeVisible();
  await expect(page.getByRole("link", { name: en.Petition.share.whatsapp })).toHaveCount(0);
  await page.getByRole("button", { name: en.Petition.thanks.ask.share }).click();
  await expect(page).toHaveURL(`/en/c/${campaign.slug}/thanks?result=check-email&step=share`);
  // WhatsApp first: where signers in Pakistan share.
  await expect(page.locator(".share-links a").first()).toHaveAccessibleName(en.Petition.share.whatsapp);
  await expect(page.getByRole("button", { name: en.Petition.thanks.ask.share })).toHaveCount(0);
  await expect(page.getByRole("link", { name: en.Petition.thanks.writeLink })).toBeVisible();

  await page.goto(`/en/c/${campaign.slug}/thanks?result=check-email`);
  await page.getByRole("button", { name: en.Petition.thanks.ask.write }).click();
  await expect(page).toHaveURL(`/en/c/${campaign.slug}/write`);

  // The reach report counts each answer.
  await signInByApi(page.request, await createStaff("ADMIN"));
  await page.goto(`/en/admin/campaigns/${campaign.id}/reach`);
  const table = page.getByRole("table", { name: en.AdminReach.afterSigning.heading });
  await expect(table.getByRole("row", { name: new RegExp(en.AdminReach.afterSigning.share) })).toContainText("1");
  await expect(table.getByRole("row", { name: new RegExp(en.AdminReach.afterSigning.write) })).toContainText("1");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the question and the letter work as plain forms", async ({ page }) => {
    const campaign = await createCampaign();
    const target = await createTarget(campaign.id, { email: "office@example.org" });
    await page.goto(`/ur/c/${campaign.slug}/thanks?result=check-email`);
    await page.getByRole("button", { name: ur.Petition.thanks.ask.write }).click();
    await expect(page).toHaveURL(`/ur/c/${campaign.slug}/write`);
    const posted = letterPost(page);
    await page.getByRole("button", { name: new RegExp(`^${ur.Letters.open}`) }).click();
    expect((await letterFrom(await posted)).to).toBe("office@example.org");
    await expect.poll(() => lettersCounted(target.id)).toBe(1);
  });
});

test("staff name a target and write the suggested letter, which signers then read", async ({ page }) => {
  const campaign = await createCampaign();
  await signInByApi(page.request, await createStaff("ADMIN"));
  await page.goto(`/en/admin/campaigns/${campaign.id}`);
  await page.getByRole("link", { name: en.AdminCampaigns.edit.targets }).click();
  await expect(page.getByText(en.AdminTargets.none)).toBeVisible();

  // An address without where it is published is refused, with what was typed kept.
  const add = page.locator("form").filter({ has: page.locator("#target-new-name") });
  await add.getByLabel(en.AdminTargets.form.name).fill("Ministry of Foreign Affairs");
  await add.getByLabel(en.AdminTargets.form.role).fill("Decides how Pakistan votes at the UN.");
  await add.getByLabel(en.AdminTargets.form.email).fill("fm@example.org");
  await add.getByRole("button", { name: en.AdminTargets.form.save }).click();
  await expect(add.getByRole("alert")).toBeFocused();
  await expect(add.getByRole("alert")).toContainText(en.AdminTargets.errors.sourceRequired);
  await expect(add.getByLabel(en.AdminTargets.form.email)).toHaveValue("fm@example.org");
  await add.getByLabel(en.AdminTargets.form.contactSource).fill("https://mofa.example.org/contact");
  await add.getByRole("button", { name: en.AdminTargets.form.save }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminTargets.notice["target-created"]);
  await expect(page.getByRole("table", { name: en.AdminTargets.caption }).getByRole("row", { name: /Ministry of Foreign Affairs/ })).toContainText("0 opened in mail apps");

  const english = page.locator("form").filter({ has: page.locator("#letter-en-subject") });
  await english.getByLabel(en.AdminTargets.letter.subject).fill("Vote for the defenders");
  await english.getByLabel(en.AdminTargets.letter.body).fill("Dear [target],\n\nPlease vote yes.");
  await english.getByRole("button", { name: en.AdminTargets.letter.save }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminTargets.notice["letter-saved"]);

  // Both are audited; the public page shows the letter addressed to the target.
  const audited = await withDb(async (client) => (await client.query(`SELECT action FROM "AuditEntry" WHERE "campaignId" = $1 ORDER BY id`, [campaign.id])).rows.map((row) => row.action));
  expect(audited).toEqual(["campaign.target.create", "campaign.letter.save"]);
  await page.goto(`/en/c/${campaign.slug}/write`);
  await expect(page.getByLabel(en.Letters.subject)).toHaveValue("Vote for the defenders");
  await expect(page.getByLabel(en.Letters.body)).toHaveValue("Dear Ministry of Foreign Affairs,\n\nPlease vote yes.");
});

test("when staff turn it on, a confirmed signer has the site send their letter, from the link to their data", async ({ page, browser }) => {
  const campaign = await createCampaign();
  const office = `office-${campaign.slug}@example.org`;
  const target = await createTarget(campaign.id, { name: "Foreign Office", email: office });
  await signInByApi(page.request, await createStaff("ADMIN"));
  await page.goto(`/en/admin/campaigns/${campaign.id}/targets`);
  await page.getByLabel(/Yes, let the site send signers' letters/).check();
  await page.getByRole("button", { name: en.AdminTargets.bySite.turnOn }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminTargets.notice["by-site-on"]);

  // The signer, in a browser of their own, from the link in their confirmation mail.
  const signer = await createSignature(campaign.id, { status: "CONFIRMED", fullName: "Hina Jilani" });
  const own = await (await browser.newContext()).newPage();
  await own.goto(`/en/my-data/${signer.tokens.access}`);
  await expect(own.getByRole("heading", { name: en.Letters.bySite.heading })).toBeVisible();
  await expect(own.getByText(en.Letters.bySite.warning)).toBeVisible();
  const form = own.locator("form").filter({ has: own.locator(`#by-site-${target.id}-subject`) });
  await form.getByLabel(en.Letters.body).fill("Dear Foreign Office,\n\nPlease vote yes.\n\nHina");
  await form.getByRole("button", { name: en.Letters.bySite.send }).click();
  await expect(own.getByRole("status")).toHaveText(`Your letter to ${target.name} is in the queue: it goes out at its turn, usually within the hour.`);

  const [letter] = await mailsTo(office);
  expect(letter!.text).toContain("Please vote yes.");
  expect(letter!.headers["reply-to"]).toBe(signer.email);
  // Once per signer and office.
  await form.getByRole("button", { name: en.Letters.bySite.send }).click();
  await expect(own.getByRole("alert", { name: en.Letters.bySite.errorSummary })).toContainText(en.Letters.errors.alreadySent);
});
