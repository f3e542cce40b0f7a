import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { confirmedSignatures, createCampaign, createSignature, withDb } from "./support/db";
import { createStaff, signInByApi } from "./support/staff";

// The public pages come from a cache (lib/net/cacheable-pages.ts, docs/decisions/023): rendered at
// most every 5 s, the same for every reader. These check what that must never cost: a count more
// than 10 s old, or one visitor's referral, form state or staff session in another's page.

const PUBLIC = "public, max-age=0, s-maxage=4, stale-while-revalidate=6";

test("a confirmed signature reaches the cached campaign page and the API within 10 s", async ({ page, request }) => {
  const campaign = await createCampaign();
  const path = `/en/c/${campaign.slug}`;
  const counted = () => page.getByTestId("confirmed-count").innerText();
  await page.goto(path);
  expect(await counted()).toBe("0 signatures");
  // Served from the cache now.
  const again = await request.get(path);
  expect(again.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  expect(again.headers()["cache-control"]).toBe(PUBLIC);

  await confirmedSignatures(campaign.id, 2);
  const written = Date.now();
  await expect(async () => {
    await page.goto(path);
    expect(await counted()).toBe("2 signatures");
  }).toPass({ timeout: 10_000, intervals: [250] });
  await expect.poll(async () => ((await (await request.get(`/api/campaigns/${campaign.slug}`)).json()) as { confirmed: number }).confirmed, { timeout: Math.max(1, 10_000 - (Date.now() - written)) }).toBe(2);
  test.info().annotations.push({ type: "staleness", description: `${Date.now() - written} ms` });
});

test("a cached page never carries another visitor's referral, form state or staff session", async ({ browser }) => {
  const campaign = await createCampaign();
  const referrer = await createSignature(campaign.id, { status: "CONFIRMED" });
  const marker = `Typed${randomUUID().slice(0, 8)}`;

  // An admin, signed in, reads the public page.
  const admin = await (await browser.newContext()).newPage();
  const staff = await createStaff("ADMIN");
  await signInByApi(admin.request, staff);
  expect((await admin.goto(`/en/c/${campaign.slug}`))!.headers()["cache-control"]).toBe(PUBLIC);

  // A visitor without JavaScript comes through a personal link, and posts a form with a mistake in it:
  // the answer shows what they typed (their own, per request, never cached).
  const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await visitor.goto(`/en/c/${campaign.slug}?ref=${referrer.referralCode}&utm_source=qr`);
  await visitor.getByLabel("Full name").fill(marker);
  await visitor.getByLabel("Email address").fill("not an address");
  const [answer] = await Promise.all([visitor.waitForResponse((response) => response.request().method() === "POST"), visitor.getByRole("button", { name: "Sign the petition" }).click()]);
  expect(answer.headers()["cache-control"]).toBe("private, no-store");
  await expect(visitor.getByLabel("Full name")).toHaveValue(marker);

  // Another reader then gets the page as the cache holds it: none of it.
  const other = await browser.newContext();
  const response = await other.request.get(`/en/c/${campaign.slug}`);
  expect(response.headers()["cache-control"]).toBe(PUBLIC);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const html = await response.text();
  for (const secret of [referrer.referralCode, marker, staff.email, "utm_source=qr", "utm_source%3Dqr", "not an address"]) expect(html, secret).not.toContain(secret);

  // And the referral still counts: the visitor, without JavaScript, signs from the link they followed.
  const email = `nojs-${randomUUID().slice(0, 8)}@example.org`;
  await visitor.getByLabel("Email address").fill(email);
  await visitor.getByLabel("Country", { exact: true }).selectOption("PAK");
  await visitor.getByRole("button", { name: "Sign the petition" }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  const [row] = await withDb(async (client) => (await client.query(`SELECT "referredById", "utmSource" FROM "Signature" WHERE email = $1`, [email])).rows);
  expect(row).toEqual({ referredById: referrer.id, utmSource: "qr" });
});

test("the votes lookup is a page of its own for each country, and the old campaign-page link still answers", async ({ request }) => {
  const campaign = `/en/c/pakistan-un-human-rights-defenders-2015`;
  const asked = await request.get(`${campaign}/votes?country=pak`, { maxRedirects: 0 });
  expect(asked.status()).toBe(307);
  expect(asked.headers()["location"]).toBe(`${campaign}/votes/PAK#my-country`);
  const lookup = await request.get(`${campaign}/votes/PAK`);
  expect(lookup.headers()["cache-control"]).toBe(PUBLIC);
  expect(await lookup.text()).toContain("lookup-result");
  const unknown = await request.get(`${campaign}/votes?country=%3Cscript%3E`);
  expect(unknown.url()).toMatch(/\/votes\/unknown#my-country$/);
  expect(unknown.status()).toBe(200);
  expect(await unknown.text()).toContain("We have no vote record for that country");
  const old = await request.get(`${campaign}?country=PAK`, { maxRedirects: 0 });
  expect(old.status()).toBe(307);
  expect(old.headers()["location"]).toBe(`${campaign}/votes/PAK#my-country`);
  // No other page under /votes/: made-up paths fill no cache.
  expect((await request.get(`${campaign}/votes/a/b`)).status()).toBe(404);
  expect((await request.get(`${campaign}/votes/pak`)).status()).toBe(404);
});

test("a page reached with its language percent-encoded is refused, not served around the proxy", async ({ request }) => {
  // next-intl would rewrite /%65n/… to /en/… with the client's own headers (no render marker, no
  // nonce of ours, a client-chosen policy): the cached page could be rendered with the client's nonce.
  for (const path of ["/%65n/c/pakistan-un-human-rights-defenders-2015", "/%75r", "/%65n/c/pakistan-un-human-rights-defenders-2015/votes"]) {
    const response = await request.get(path, { maxRedirects: 0, headers: { "Content-Security-Policy": "script-src 'nonce-chosen'", RSC: "1" } });
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain("chosen");
  }
  // A path without a language is still sent to the reader's.
  expect((await request.get("/c/pakistan-un-human-rights-defenders-2015", { maxRedirects: 0 })).status()).toBe(307);
});
