import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { simpleParser } from "mailparser";
import en from "../messages/en.json";
import ur from "../messages/ur.json";
import { createCampaign, createSignature, withDb } from "./support/db";
import { MAIL_DIR } from "./support/env";
import { expectVisibleFocus, named, tabTo } from "./support/focus";
import { mailsTo } from "./support/mail";
import { createStaff, signInByApi } from "./support/staff";

// Journey: staff write an update in English and Urdu, preview it, test it on themselves, and send it;
// through the real SMTP server it reaches the consenting signers only, each in their language, with a
// one-click unsubscribe that a mail app's single POST honours, and a page a signer can use with the
// keyboard.

async function signer(campaignId: number, options: { mayContact: boolean; locale: string }) {
  const signature = await createSignature(campaignId, { status: "CONFIRMED" });
  await withDb((client) => client.query(`UPDATE "Signature" SET "mayContact" = $2, locale = $3 WHERE id = $1`, [signature.id, options.mayContact, options.locale]));
  return signature;
}

const mayContact = (id: number) => withDb(async (client) => (await client.query(`SELECT "mayContact" FROM "Signature" WHERE id = $1`, [id])).rows[0].mayContact as boolean);

test("staff send an update to consenting signers only; one POST unsubscribes; the Urdu signer unsubscribes with the keyboard", async ({ page, request }) => {
  const campaign = await createCampaign();
  const english = await signer(campaign.id, { mayContact: true, locale: "en" });
  const urdu = await signer(campaign.id, { mayContact: true, locale: "ur" });
  const silent = await signer(campaign.id, { mayContact: false, locale: "en" });
  const admin = await createStaff("ADMIN");
  await signInByApi(page.request, admin);

  await page.goto(`/en/admin/campaigns/${campaign.id}`);
  await page.getByRole("link", { name: en.AdminCampaigns.edit.updates }).click();
  await expect(page.getByText("(2 signers now)")).toBeVisible();
  await page.getByRole("button", { name: en.AdminUpdates.create }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminUpdates.notice.created);

  const form = (locale: string) => page.locator("form").filter({ has: page.locator(`#update-${locale}-subject`) });
  await form("en").getByLabel(en.AdminUpdates.form.subject).fill("The vote is next week");
  await form("en").getByLabel(en.AdminUpdates.form.body).fill("Write to your mission **today**.");
  await form("en").getByRole("button", { name: en.AdminUpdates.form.save }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminUpdates.notice["text-saved"]);
  // The preview, as signers will read it: Markdown rendered.
  await expect(page.locator(".update-preview strong").filter({ hasText: "today" })).toBeVisible();
  await form("ur").getByLabel(en.AdminUpdates.form.subject).fill("ووٹ اگلے ہفتے ہے");
  await form("ur").getByLabel(en.AdminUpdates.form.body).fill("آج ہی اپنے مشن کو **خط** لکھیں۔");
  await form("ur").getByRole("button", { name: en.AdminUpdates.form.save }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminUpdates.notice["text-saved"]);

  await page.getByRole("button", { name: en.AdminUpdates.test.submit }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminUpdates.notice["test-sent"]);
  const tests = await mailsTo(admin.email, 2);
  expect(tests.map((mail) => mail.subject).sort()).toEqual(["[Test] The vote is next week", "[آزمائش] ووٹ اگلے ہفتے ہے"]);

  // Sending asks for the box first.
  await page.getByRole("button", { name: en.AdminUpdates.send.submit }).click();
  await page.getByLabel(/Yes, send this update to 2 signers/).check();
  await page.getByRole("button", { name: en.AdminUpdates.send.submit }).click();
  await expect(page.getByRole("status")).toHaveText(en.AdminUpdates.notice.sending);

  const [toEnglish] = await mailsTo(english.email);
  expect(toEnglish!.subject).toBe("The vote is next week");
  expect(toEnglish!.html).toContain("<strong>today</strong>");
  expect(toEnglish!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = toEnglish!.headers["list-unsubscribe"]!.replace(/^<|>$/g, "");
  expect(oneClick).toMatch(/\/api\/unsubscribe\/[\w-]+$/);
  // A mail app's one click: a POST from its provider's server, no Origin, no cookie.
  const response = await request.post(oneClick, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  expect(await mayContact(english.id)).toBe(false);

  const [toUrdu] = await mailsTo(urdu.email);
  expect(toUrdu!.subject).toBe("ووٹ اگلے ہفتے ہے");
  const pageLink = toUrdu!.text.match(/https?:\/\/\S+\/ur\/unsubscribe\/[\w-]+/)![0];
  await page.goto(pageLink);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await tabTo(page, named(ur.Unsubscribe.button), { max: 30 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(ur.Unsubscribe.done);
  expect(await mayContact(urdu.id)).toBe(false);

  // The signer who did not consent got nothing (every other mail of this journey has arrived).
  const all = await Promise.all(readdirSync(MAIL_DIR).map(async (file) => simpleParser(readFileSync(path.join(MAIL_DIR, file)))));
  expect(all.filter((mail) => [mail.to].flat().some((to) => to?.text.includes(silent.email)))).toEqual([]);

  // The update's page counts what happened.
  await expect(async () => {
    await page.goto(`/en/admin/campaigns/${campaign.id}/updates`);
    await expect(page.getByRole("row", { name: /The vote is next week/ })).toContainText("2 queued, 2 sent, 0 failed, 0 not sent (no longer consenting), 2 unsubscribed", { timeout: 500 });
  }).toPass({ timeout: 10_000 });
});

test("updates are for admins only", async ({ page }) => {
  const campaign = await createCampaign();
  await signInByApi(page.request, await createStaff("MODERATOR"));
  const response = await page.goto(`/en/admin/campaigns/${campaign.id}/updates`);
  expect(response!.status()).toBe(403);
});

test("with the keyboard alone, staff confirm and send an update in Urdu", async ({ page }) => {
  const campaign = await createCampaign();
  const one = await signer(campaign.id, { mayContact: true, locale: "ur" });
  const updateId = await withDb(async (client) => {
    const id = (await client.query(`INSERT INTO "CampaignUpdate" ("campaignId", "updatedAt") VALUES ($1, now()) RETURNING id`, [campaign.id])).rows[0].id as number;
    await client.query(`INSERT INTO "CampaignUpdateText" ("updateId", locale, subject, body) VALUES ($1, 'ur', 'خبر', 'ووٹ **اگلے ہفتے** ہے۔')`, [id]);
    return id;
  });
  await signInByApi(page.request, await createStaff("ADMIN"));
  await page.goto(`/ur/admin/campaigns/${campaign.id}/updates/${updateId}`);
  await tabTo(page, (element) => element.id === "update-send-confirm", { max: 80 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Space");
  await tabTo(page, named(ur.AdminUpdates.send.submit), { max: 2 });
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText(ur.AdminUpdates.notice.sending);
  const [mail] = await mailsTo(one.email);
  expect(mail!.subject).toBe("خبر");
});
