import { generate } from "otplib";
import { expect, test, type Page } from "@playwright/test";
import { withDb } from "./support/db";
import { createStaff, signInByApi, type Staff } from "./support/staff";

// Journey: a staff member turns on two-factor sign-in from their own account page (QR code or key,
// confirmed with a code), then signs in with password and a code from their app; an admin resets it
// for someone who lost their phone.

/** What the authenticator app shows, now or `steps` periods later (the site accepts one step of drift). */
const codeFor = (key: string, steps = 0) => generate({ secret: key, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** Turns it on; returns the key and the code that turned it on (used: the site refuses it again). */
async function turnOnTwoFactor(page: Page): Promise<{ key: string; used: string }> {
  await page.goto("/admin/accounts/me");
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByText("Two-factor sign-in is off.")).toBeVisible();
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code with the key for your authenticator app" })).toBeVisible();
  const key = (await page.getByTestId("two-factor-key").innerText()).replace(/\s/g, "");
  expect(key).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByLabel("Code from your authenticator app").fill("000000" === (await codeFor(key)) ? "111111" : "000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText("This code is not right, or was already used.")).toBeVisible();
  const used = await codeFor(key);
  await page.getByLabel("Code from your authenticator app").fill(used);
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText(/Two-factor sign-in is on \(since/)).toBeVisible();
  // The key is never shown again.
  await expect(page.getByTestId("two-factor-key")).toHaveCount(0);
  return { key, used };
}

const stored = (staff: Staff) =>
  withDb(async (client) => (await client.query(`SELECT "totpSecret", "totpEnabledAt" FROM "AdminUser" WHERE email = $1`, [staff.email])).rows[0] as { totpSecret: string | null; totpEnabledAt: Date | null });

async function signInWithForm(page: Page, staff: Staff, code: string) {
  await page.goto("/admin/login");
  await page.getByLabel("Email address").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a staff member turns on two-factor sign-in, then signs in with a code from their app", async ({ page, browser }) => {
  const staff = await createStaff("MODERATOR");
  await signInByApi(page.request, staff);
  const { key, used } = await turnOnTwoFactor(page);
  const row = await stored(staff);
  expect(row.totpEnabledAt).not.toBeNull();
  expect(row.totpSecret).not.toContain(key); // stored encrypted

  const fresh = await browser.newContext();
  const login = await fresh.newPage();
  try {
    // The password alone is no longer enough; nor is the code that turned it on (already used).
    await signInWithForm(login, staff, "");
    await expect(login.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
    // The very code that turned it on (a code computed now may be the next period's, not yet used).
    await signInWithForm(login, staff, used);
    await expect(login.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
    await signInWithForm(login, staff, await codeFor(key, 1));
    await expect(login.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    // Over http the session cookie has its plain name, and is HttpOnly and SameSite=Lax.
    const session = (await fresh.cookies()).find((cookie) => cookie.name === "next-auth.session-token");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  } finally {
    await fresh.close();
  }
});

test("an admin resets the two-factor sign-in of someone who lost their phone", async ({ page, browser }) => {
  const staff = await createStaff("MODERATOR");
  const own = await browser.newPage();
  await signInByApi(own.request, staff);
  await turnOnTwoFactor(own);
  await own.close();

  const admin = await createStaff("ADMIN");
  await signInByApi(page.request, admin);
  await page.goto("/admin/accounts");
  const row = page.getByRole("row").filter({ hasText: staff.email });
  await expect(row.getByRole("cell").filter({ hasText: /^On/ })).toBeVisible();
  await row.getByRole("button", { name: `Reset two-factor for ${staff.email}` }).click();
  await expect(row.getByText(`The two-factor sign-in of ${staff.email} is off`)).toBeVisible();
  expect(await stored(staff)).toEqual({ totpSecret: null, totpEnabledAt: null });

  const audit = await withDb(async (client) => (await client.query(`SELECT "actorEmail", details FROM "AuditEntry" WHERE action = 'account.two-factor.reset' AND details->>'email' = $1`, [staff.email])).rows);
  expect(audit).toEqual([{ actorEmail: admin.email, details: expect.objectContaining({ email: staff.email, wasOn: true }) }]);

  // The password alone works again.
  const again = await browser.newPage();
  await signInByApi(again.request, staff);
  await again.goto("/admin");
  await expect(again.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await again.close();
});
