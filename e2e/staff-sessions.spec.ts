import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { baseURL } from "./support/env";
import { signInFrom } from "./support/network";
import { createStaff, type Staff } from "./support/staff";

// Staff sign-in that strangers cannot abuse (docs/decisions/022), against the running app: signing
// out ends the session on every device; a flood of wrong passwords pauses unknown browsers but not the
// owner's own.

async function attempt(request: APIRequestContext, email: string, password: string): Promise<boolean> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" }, headers: { Origin: baseURL }, maxRedirects: 0 });
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } };
  return session.user?.email === email;
}

async function signOut(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/signout", { form: { csrfToken, json: "true" }, headers: { Origin: baseURL }, maxRedirects: 0 });
}

async function device(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("signing out on one device ends the account's session on every device", async ({ browser }) => {
  const staff = await createStaff("ADMIN");
  const [laptop, phone] = [await device(browser), await device(browser)];
  for (const { page } of [laptop, phone]) expect(await attempt(page.request, staff.email, staff.password)).toBe(true);
  await phone.page.goto("/en/admin");
  await expect(phone.page).toHaveURL(/\/en\/admin$/);

  await signOut(laptop.page.request);
  // The phone still holds its (unexpired) session cookie, but the session is over.
  expect((await phone.context.cookies()).some((cookie) => cookie.name.endsWith("next-auth.session-token"))).toBe(true);
  await phone.page.goto("/en/admin");
  await expect(phone.page).toHaveURL(/\/en\/admin\/login/);
});

test("a flood of wrong passwords pauses unknown browsers, not the owner's own; the pause is in the audit log", async ({ browser }) => {
  const staff: Staff = await createStaff("ADMIN");
  const owner = await device(browser);
  expect(await attempt(owner.page.request, staff.email, staff.password)).toBe(true);
  const cookie = (await owner.context.cookies()).find((entry) => entry.name === "advocate.device");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 300 * 24 * 60 * 60 * 1000);
  await signOut(owner.page.request);

  // Strangers elsewhere (other loopback addresses: other networks, so the other tests' sign-ins from
  // this machine are not paused by this one's network counter), all at once, no cookies of ours.
  await Promise.all(Array.from({ length: 12 }, (_, i) => signInFrom(`127.0.1.${i + 1}`, staff.email, "wrong password, again")));
  // Another stranger with the right password is paused too (an unknown browser, another network)…
  const late = await signInFrom("127.0.1.50", staff.email, staff.password);
  expect(late.cookies.filter((cookie) => cookie.includes("session-token")), "no session for a paused attempt").toEqual([]);
  // (The same attempt before the flood gets a session: the check above can fail.)
  const other = await createStaff("MODERATOR");
  expect((await signInFrom("127.0.1.51", other.email, other.password)).cookies.some((cookie) => cookie.includes("session-token"))).toBe(true);
  // …while the owner's own browser still gets in.
  expect(await attempt(owner.page.request, staff.email, staff.password)).toBe(true);

  await owner.page.goto("/en/admin/audit");
  await expect(owner.page.getByRole("table").getByText("account.sign-in-throttled").first()).toBeVisible();
  await owner.context.close();
});
