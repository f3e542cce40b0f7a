import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createCampaign, signatureRows } from "./support/db";
import { postFrom } from "./support/network";
import { linkIn, mailsTo } from "./support/mail";
import { expectOnPageSoon } from "./support/fresh";

// Journey: a visitor signs, receives the mail on a real SMTP server, confirms, and sees the count rise.

const uniqueEmail = () => `signer-${randomUUID().slice(0, 8)}@example.org`;

async function count(page: Page): Promise<number> {
  return Number((await page.getByTestId("confirmed-count").innerText()).replace(/\D/g, ""));
}

async function fillForm(page: Page, values: { name: string; email: string; country: string; showName?: boolean }) {
  await page.getByLabel("Full name").fill(values.name);
  await page.getByLabel("Email address").fill(values.email);
  await page.getByLabel("Country", { exact: true }).selectOption(values.country);
  if (values.showName) await page.getByLabel("Show my first name and country in the list of signers").check();
}

test("sign, receive the mail, confirm with the button, and see the count rise", async ({ page, request }) => {
  const campaign = await createCampaign();
  const email = uniqueEmail();
  await page.goto(`/c/${campaign.slug}`);
  expect(await count(page)).toBe(0);

  await fillForm(page, { name: "Zainab Qureshi", email, country: "PAK", showName: true });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect(await signatureRows(campaign.id)).toEqual([{ fullName: "Zainab Qureshi", email, country: "PAK", status: "PENDING" }]);

  // The page after signing is the same for every address (docs/decisions/021): no personal link yet.
  await expect(page.getByRole("heading", { name: "Your personal link" })).toHaveCount(0);
  expect(new URL(page.url()).search).toBe("?result=check-email");

  const [mail] = await mailsTo(email);
  expect(mail!.subject).toContain(campaign.title);
  // The mail does not repeat the name typed into the form (anyone can type anyone's address).
  expect(mail!.text).not.toContain("Zainab");
  const code = mail!.text.match(/\/c\/[\w-]+\?ref=([a-z2-9]{10})/)?.[1];
  expect(code).toMatch(/^[a-z2-9]{10}$/);
  const campaignUrl = new URL(`/en/c/${campaign.slug}?ref=${code}`, page.url()).toString();
  expect(mail!.text).toContain(campaignUrl); // the personal link
  const confirmUrl = linkIn(mail!, "confirm");
  expect(linkIn(mail!, "withdraw")).toMatch(/\/withdraw\//);

  // A mail scanner follows the link with a plain GET: nothing may be confirmed by that.
  expect((await request.get(confirmUrl)).status()).toBe(200);
  expect((await signatureRows(campaign.id))[0]!.status).toBe("PENDING");

  await page.goto(confirmUrl);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your signature is confirmed" })).toBeVisible();
  expect((await signatureRows(campaign.id))[0]!.status).toBe("CONFIRMED");

  // Once confirmed, the thank-you page asks first; its share links then point at the campaign with the
  // signer's own code and the channel, properly encoded.
  await expect(page.getByRole("heading", { name: "Your personal link" })).toHaveCount(0);
  await page.getByRole("button", { name: "Yes, I will share it" }).click();
  await expect(page.getByRole("heading", { name: "Your personal link" })).toBeVisible();
  expect(await page.getByLabel("Link to the campaign").inputValue()).toBe(campaignUrl);
  const href = async (name: string) => new URL((await page.getByRole("link", { name }).getAttribute("href"))!);
  expect((await href("Share on Telegram")).searchParams.get("url")).toBe(`${campaignUrl}&utm_source=telegram`);
  expect((await href("Share on LinkedIn")).searchParams.get("url")).toBe(`${campaignUrl}&utm_source=linkedin`);
  expect((await href("Share on X")).searchParams.get("text")).toBe(`I signed: ${campaign.title}`);
  expect((await href("Share on WhatsApp")).searchParams.get("text")).toBe(`I signed: ${campaign.title} ${campaignUrl}&utm_source=whatsapp`);

  await expectOnPageSoon(page, `/c/${campaign.slug}`, async () => {
    expect(await count(page)).toBe(1);
    await expect(page.getByRole("region", { name: "Recent signers" }).getByText("Zainab, Pakistan")).toBeVisible({ timeout: 500 });
  });

  // The mail's "my data" link shows what is held, and downloads it.
  const dataUrl = mail!.text.match(/https?:\/\/\S+\/my-data\/[\w-]{43}/)?.[0];
  expect(dataUrl).toBeTruthy();
  await page.goto(dataUrl!);
  await expect(page.getByText(email)).toBeVisible();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download my data (JSON)" }).click();
  const download = await downloadPromise;
  const chunks: Buffer[] = [];
  for await (const chunk of (await download.createReadStream()) ?? []) chunks.push(chunk as Buffer);
  expect(JSON.parse(Buffer.concat(chunks).toString("utf8"))).toMatchObject({ fullName: "Zainab Qureshi", email, country: "PAK", status: "CONFIRMED" });
});

test("invalid input shows errors next to the fields, keeps what was typed, and writes nothing", async ({ page }) => {
  const campaign = await createCampaign();
  await page.goto(`/c/${campaign.slug}`);
  await page.getByLabel("Full name").fill("Omar Farooq");
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Sign the petition" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Enter a valid email address/);
  await expect(page.getByLabel("Country", { exact: true })).toHaveAccessibleDescription("Choose your country.");
  await expect(page.getByLabel("Full name")).toHaveValue("Omar Farooq");
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  expect(await signatureRows(campaign.id)).toEqual([]);
});

test("the form works without JavaScript, errors included", async ({ browser }) => {
  const campaign = await createCampaign();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/c/${campaign.slug}`);
  await page.getByLabel("Full name").fill("Sara Ahmed");
  await page.getByLabel("Email address").fill("sara@");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.").first()).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue("Sara Ahmed");
  expect(await signatureRows(campaign.id)).toEqual([]);

  const email = uniqueEmail();
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Country", { exact: true }).selectOption("NOR");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect(await signatureRows(campaign.id)).toHaveLength(1);

  await page.goto(linkIn((await mailsTo(email))[0]!, "confirm"));
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your signature is confirmed" })).toBeVisible();
  await context.close();
});

test("signing again with the same address gives the same page; the mail sends a new link that replaces the old", async ({ page }) => {
  const campaign = await createCampaign();
  const email = uniqueEmail();
  // Each submission is awaited (its result page) before the next: navigating away mid-submission
  // would cancel it.
  for (const [address, name] of [
    [email, "Bilal Hussain"],
    [email.toUpperCase(), "Bilal H."],
  ] as const) {
    await page.goto(`/c/${campaign.slug}`);
    await fillForm(page, { name, email: address, country: "GBR" });
    await page.getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  }
  // One signature, with the latest details; two mails, and only the second link still confirms.
  expect(await signatureRows(campaign.id)).toEqual([{ fullName: "Bilal H.", email: email.toLowerCase(), country: "GBR", status: "PENDING" }]);
  const mails = await mailsTo(email, 2);
  const links = mails.map((mail) => linkIn(mail, "confirm"));
  expect(new Set(links).size).toBe(2);
  await page.goto(links[0]!);
  await expect(page.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
  await page.goto(links[1]!);
  // The link's owner sees what they would confirm: what was typed last, by whoever typed it.
  const details = page.getByRole("region", { name: "What you are confirming" });
  await expect(details).toContainText("Bilal H.");
  await expect(details).toContainText("United Kingdom");
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your signature is confirmed" })).toBeVisible();
});

test("a closed petition shows why and offers no form", async ({ page }) => {
  const campaign = await createCampaign({ status: "CLOSED" });
  await page.goto(`/c/${campaign.slug}`);
  await expect(page.getByText("This petition is closed and no longer takes signatures.").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign the petition" })).toHaveCount(0);
});

test("a network flooding a campaign's form gets HTTP 429, a forged X-Forwarded-For does not escape it, other networks are not affected", async () => {
  const campaign = await createCampaign();
  // Each post claims another address in X-Forwarded-For: at the default TRUSTED_PROXY_HOPS=0 the
  // client is the TCP peer, so they all count as one network.
  const statuses: number[] = [];
  for (let i = 0; i < 61; i++) statuses.push((await postFrom("127.0.0.1", `/en/c/${campaign.slug}`, { "X-Forwarded-For": `203.0.113.${i}` })).status);
  expect(statuses.slice(0, 60).every((status) => status !== 429)).toBe(true);
  expect(statuses[60]).toBe(429);
  expect((await postFrom("127.0.0.1", `/en/c/${campaign.slug}`, { "X-Forwarded-For": "198.51.100.1", "X-Advocate-Client-Address": "198.51.100.1" })).status).toBe(429);
  // Another network (another loopback address as the TCP peer) is not affected.
  expect((await postFrom("127.0.0.2", `/en/c/${campaign.slug}`)).status).not.toBe(429);
  expect(await signatureRows(campaign.id)).toEqual([]);
});
