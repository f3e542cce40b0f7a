import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { createCampaign, signatureRows } from "./support/db";
import { baseURL } from "./support/env";
import { campaign as seeded } from "./support/facts";
import { createStaff, signInByApi } from "./support/staff";

// Security headers, the Content-Security-Policy's nonce, and the refusal of cross-site requests, as a
// browser meets them (proxy.ts, lib/security/*). The site runs on http here: no HSTS, plain cookies.

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
/** Pages a shared cache may hold (lib/net/cacheable-pages.ts): their scripts are allowed by hash, not by nonce. */
const isCached = (path: string) => /^\/(en|ur)(\/privacy|\/c\/[^/]+(\/votes)?|\/embed\/[^/]+)?$/.test(path);
const directive = (csp: string, name: string) => csp.split(/;\s*/).find((part) => part.startsWith(`${name} `))?.slice(name.length + 1);

/** Collects what the browser reports as CSP violations (events and console messages). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__reportViolation", (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

test("every kind of response carries the security headers; only the widget may be framed", async ({ request }) => {
  const campaign = await createCampaign();
  // The pages themselves (200), and the language redirect that a path without a language gets.
  const pages = ["/en", `/en/c/${campaign.slug}`, `/ur/c/${seeded.slug}/votes`, "/en/admin/login", `/api/campaigns/${campaign.slug}`, "/api/health", `/en/embed/${campaign.slug}`, `/ur/embed/${campaign.slug}`];
  const redirects = ["/", `/c/${campaign.slug}`, `/embed/${campaign.slug}`];
  for (const path of [...pages, ...redirects]) {
    const response = await request.get(path, { maxRedirects: 0 });
    if (redirects.includes(path)) expect([307, 308], path).toContain(response.status());
    else expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp, path).toBeTruthy();
    if (isCached(path)) expect(directive(csp, "script-src"), path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]{43}=')+$/);
    else expect(directive(csp, "script-src"), path).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'$/);
    expect(csp, path).not.toContain("unsafe-eval");
    expect(directive(csp, "object-src"), path).toBe("'none'");
    expect(directive(csp, "base-uri"), path).toBe("'self'");
    expect(directive(csp, "form-action"), path).toBe(path.includes("/admin") ? "'self'" : "'self' mailto:");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toBeUndefined(); // http, not production
    if (/^(\/(en|ur))?\/embed\//.test(path)) {
      expect(directive(csp, "frame-ancestors"), path).toBe("*");
      expect(headers["x-frame-options"], path).toBeUndefined();
    } else {
      expect(directive(csp, "frame-ancestors"), path).toBe("'none'");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
  }
});

test("static files carry nosniff and no framing", async ({ page, request }) => {
  await page.goto("/");
  const script = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  expect(script).toBeTruthy();
  const headers = (await request.get(script!)).headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["content-security-policy"]).toBeUndefined(); // a script file needs no policy of its own
});

test("each response of a page rendered per request has its own nonce, and it is the nonce on the page's scripts", async ({ page }) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await page.goto("/admin/login");
    const nonce = nonceOf(response!.headers()["content-security-policy"]);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    nonces.push(nonce!);
    // Every script tag of the HTML as sent carries this request's nonce (data blocks such as the
    // schema.org JSON are not scripts that run). Chunks loaded later are trusted through 'strict-dynamic'.
    const tags = [...(await response!.text()).matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => !/type="application\/(ld\+)?json"/.test(attributes));
    expect(tags.length).toBeGreaterThan(1);
    for (const attributes of tags) expect(attributes).toContain(`nonce="${nonce}"`);
    // And the browser took them as such (it hides the attribute, but keeps the nonce property).
    const inDom = await page.locator("script[src*='/_next/static/']").first().evaluate((script) => (script as HTMLScriptElement).nonce);
    expect(inDom).toBe(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("a cached page allows exactly its own inline scripts, by hash, and gives away no nonce", async ({ request }) => {
  const campaign = await createCampaign();
  for (const path of [`/en/c/${campaign.slug}`, `/ur/c/${campaign.slug}`, `/en/embed/${campaign.slug}`, `/en/c/${seeded.slug}/votes?country=PAK`, "/en/privacy"]) {
    // The first reader (often the render itself) and the next (from the cache; a new render when the
    // copy turned stale in between, whose payload may differ): each policy fits its own page.
    for (const response of [await request.get(path), await request.get(path)]) {
      expect(response.headers()["cache-control"], path).toBe("public, max-age=0, s-maxage=4, stale-while-revalidate=6");
      const csp = response.headers()["content-security-policy"]!;
      expect(csp, path).not.toContain("nonce");
      const allowed = directive(csp, "script-src")!.split(" ").slice(1).sort();
      const html = await response.text();
      // Every script that runs inline, hashed as sent; no other hash; no nonce left in a tag or the payload.
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => !/\bsrc=|type="application\/(ld\+)?json"/.test(attributes!));
      expect(inline.length, path).toBeGreaterThan(1);
      expect(allowed, path).toEqual([...new Set(inline.map(([, , text]) => `'sha256-${createHash("sha256").update(text!, "utf8").digest("base64")}'`))].sort());
      expect(html, path).not.toMatch(/<script[^>]*\bnonce=/);
      expect(html, path).not.toMatch(/nonce\\?":\\?"(?!0+\\?")/);
    }
  }
});

test("the campaign page runs without a CSP violation, and the sign form still works with JavaScript and its proof of work", async ({ page }) => {
  test.setTimeout(75_000);
  const campaign = await createCampaign();
  const violations = await watchViolations(page);
  const posted: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === `/en/c/${campaign.slug}`) posted.push(request.postData() ?? "");
  });
  await page.goto(`/c/${campaign.slug}`);
  await page.getByLabel("Full name").fill("Hina Jilani");
  await page.getByLabel("Email address").fill(`csp-${randomUUID().slice(0, 8)}@example.org`);
  await page.getByLabel("Country", { exact: true }).selectOption("PAK");
  // The proof of work solves in a Web Worker (blob: URL) once a field had focus; wait for its answer
  // (CPU-bound: with two test workers on two cores it once took over 15 s).
  await expect(page.locator("input[name='altcha']")).toHaveValue(/.{20,}/, { timeout: 40_000 });
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your email" })).toBeVisible();
  expect((await signatureRows(campaign.id)).map((row) => row.fullName)).toEqual(["Hina Jilani"]);
  expect(posted.length).toBeGreaterThan(0); // sent by React (JavaScript ran), not as a plain form
  expect(violations).toEqual([]);
});

test("the other pages run without a CSP violation either, public and admin", async ({ page }) => {
  const campaign = await createCampaign();
  const violations = await watchViolations(page);
  await signInByApi(page.request, await createStaff("ADMIN"));
  const pages = ["/", "/privacy", `/embed/${campaign.slug}`, "/admin", "/admin/signatures", "/admin/accounts", "/admin/accounts/me", "/admin/campaigns/new", `/admin/campaigns/${campaign.id}`];
  for (const path of pages) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // Hydrated: Next's router is up (its scripts ran under the policy).
    await expect.poll(() => page.evaluate(() => "next" in window), { message: path }).toBe(true);
    expect(violations, path).toEqual([]);
  }
});

test("a script slipped into a cached page does not run (nor an inline event handler), and the page's own do", async ({ page }) => {
  const campaign = await createCampaign();
  const violations = await watchViolations(page);
  // As if stored text had broken out of its escaping: the HTML gets an inline script, a script with a
  // guessed nonce, and an onerror handler.
  await page.route(`**/c/${campaign.slug}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      `<script>window.__injected = "inline"</script><script nonce="guessed">window.__injected = "guessed"</script><script nonce="${"0".repeat(24)}">window.__injected = "blank"</script><img src="/nowhere.png" onerror="window.__injected = 'handler'"></body>`,
    );
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto(`/c/${campaign.slug}`);
  expect(response!.headers()["cache-control"]).toContain("public");
  expect(directive(response!.headers()["content-security-policy"]!, "script-src")).toMatch(/^'self'( 'sha256-[^']+')+$/);
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(4);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(violations.join("\n")).toMatch(/script-src/);
  // The page's own scripts still ran: React hydrated the form, and focusing it loads the proof-of-work
  // widget (not loaded with the page).
  await expect(page.locator("altcha-widget")).toHaveCount(0);
  await page.getByLabel("Full name").focus();
  await expect(page.locator("altcha-widget")).toHaveCount(1, { timeout: 10_000 });
});

test("a script slipped into a page rendered per request does not run either, and the page's own do", async ({ page }) => {
  const violations = await watchViolations(page);
  await page.route("**/en/admin/login", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", `<script>window.__injected = "inline"</script><script nonce="guessed">window.__injected = "guessed"</script></body>`);
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto("/en/admin/login");
  expect(response!.headers()["cache-control"]).toBe("private, no-store");
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  await expect.poll(() => page.evaluate(() => "next" in window)).toBe(true);
});

test("state-changing requests from elsewhere get 403 and change nothing; the site's own go through", async ({ request }) => {
  const campaign = await createCampaign();
  const form = { fullName: "Forged Signer", email: `csrf-${randomUUID().slice(0, 8)}@example.org`, country: "PAK" };
  const post = (headers: Record<string, string>) => request.post(`/c/${campaign.slug}`, { headers, form, maxRedirects: 0 });
  const refused: Record<string, string>[] = [{}, { Origin: "null" }, { Origin: "https://evil.example" }, { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" }, { Origin: baseURL, "Sec-Fetch-Site": "cross-site" }];
  for (const headers of refused) {
    const response = await post(headers);
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.text()).toContain("did not come from a page of this site");
  }
  // next-auth's sign-in too, even with a valid CSRF token.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email: "x@staff.test", password: "x" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(403);
  expect(await signatureRows(campaign.id)).toEqual([]);
  // With the site's own Origin the same POST reaches the page (a plain form post without the action
  // id is not a signature, but it is not refused either).
  expect((await post({ Origin: baseURL, "Sec-Fetch-Site": "same-origin" })).status()).not.toBe(403);
});

test("a form on another site that posts to the signing page is refused by the browser's own request", async ({ page }) => {
  const campaign = await createCampaign();
  const email = `csrf-${randomUUID().slice(0, 8)}@example.org`;
  // Another site (another host and port, served by this test) with a form aimed at the signing page.
  const html = `<form method="post" action="${baseURL}/c/${campaign.slug}"><input name="fullName" value="Forged"><input name="email" value="${email}"><input name="country" value="PAK"><button>Go</button></form>`;
  const other = http.createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(html));
  await new Promise<void>((resolve) => other.listen(0, "localhost", resolve));
  try {
    const otherUrl = `http://localhost:${(other.address() as AddressInfo).port}/`;
    expect(new URL(otherUrl).origin).not.toBe(new URL(baseURL).origin);
    await page.goto(otherUrl);
    const [response] = await Promise.all([page.waitForResponse(`${baseURL}/c/${campaign.slug}`), page.getByRole("button", { name: "Go" }).click()]);
    expect(response.status()).toBe(403);
    expect(await response.request().headerValue("origin")).toBe(new URL(otherUrl).origin);
    expect(await signatureRows(campaign.id)).toEqual([]);
  } finally {
    await new Promise<void>((resolve) => other.close(() => resolve()));
  }
});
