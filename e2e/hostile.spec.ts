import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { createCampaign, createSignature, withDb, type TestCampaign } from "./support/db";
import { createStaff, signInByApi } from "./support/staff";

// Journey: an attacker signs with markup, script, javascript: URLs, bidi overrides and spreadsheet
// formulas in their name and comment, and a compromised staff account writes a hostile statement.
// Everywhere the text is shown (the public page, the admin list and detail, the CSV export) it stays
// text: no script runs (window.__pwned stays undefined, no dialog opens), no element is injected, and
// the CSV neutralises formulas. The rows are inserted directly (CONFIRMED, shown by first name), as if
// they had been signed and confirmed.

type Hostile = { name: string; comment: string };
const HOSTILE: Hostile[] = [
  { name: "<script>window.__pwned=1</script> Script", comment: "<script>window.__pwned=1;alert(1)</script>" },
  { name: '<img src=x onerror="window.__pwned=1;alert(1)"> Img', comment: '"><img src=x onerror="window.__pwned=1;alert(1)">' },
  { name: "<img/src=x/onerror=window.__pwned=1;alert(1)>", comment: "[click](javascript:window.__pwned=1)" },
  { name: "javascript:window.__pwned=1", comment: '<a href="javascript:window.__pwned=1">x</a>' },
  { name: "\u202eBidi\u202c Override\u2066x\u2069", comment: "\u2067abc\u2069 \u202a x \u202e" },
  { name: '=HYPERLINK("http://evil.example","x")', comment: "+SUM(1+1)" },
  { name: "@SUM(1) Formula", comment: "-2+3" },
];
const firstWord = (name: string) => name.split(" ")[0]!;

async function seedHostile(): Promise<{ campaign: TestCampaign; ids: number[] }> {
  const campaign = await createCampaign({ goal: 100 });
  const ids = await withDb(async (client) => {
    const out: number[] = [];
    for (const [i, { name, comment }] of HOSTILE.entries()) {
      const email = `hostile-${i}-${randomUUID().slice(0, 8)}@example.org`;
      const { rows } = await client.query(
        `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, comment, "showName", status, "confirmedAt", "updatedAt")
         VALUES ($1, $2, $3, $3, 'PAK', $4, true, 'CONFIRMED', now() - make_interval(secs => $5), now()) RETURNING id`,
        [campaign.id, name, email, comment, i],
      );
      out.push(rows[0].id as number);
    }
    await client.query(`INSERT INTO "SignatureCount" ("campaignId", country, shard, confirmed) VALUES ($1, 'PAK', 0, $2)`, [campaign.id, HOSTILE.length]);
    return out;
  });
  return { campaign, ids };
}

/** Collects every dialog (alert, confirm, prompt) the page opens: there must be none. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return opened;
}

/** Nothing ran, and no element carrying a payload was created (data in Next's own JSON scripts is not an element). */
async function expectInert(page: Page, dialogs: string[]) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"], [onerror], [onload], [onclick], iframe, svg[onload]')).toHaveCount(0);
  // React replaces a javascript: URL with its own that only throws ("React has blocked a javascript: URL ...").
  const liveJavascriptLinks = await page.locator("a[href], iframe[src], form[action]").evaluateAll((elements) =>
    elements.map((e) => e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action") ?? "").filter((url) => /^\s*javascript:/i.test(url) && !url.includes("React has blocked")),
  );
  expect(liveJavascriptLinks).toEqual([]);
  const injectedScripts = await page.locator("script:not([src])").evaluateAll((scripts) => scripts.filter((s) => /^\s*window\.__pwned|alert\(1\)\s*$/.test(s.textContent ?? "")).length);
  expect(injectedScripts).toBe(0);
}

test("hostile names stay text in the public list of recent signers, and the form echoes them inert", async ({ page }) => {
  const { campaign } = await seedHostile();
  const dialogs = watchDialogs(page);
  await page.goto(`/c/${campaign.slug}`);
  const recent = page.locator(".recent-signers li");
  await expect(recent).toHaveCount(HOSTILE.length);
  // Only the first word is public; each shows exactly as typed, as text, with no element inside.
  const shown = await recent.allTextContents();
  for (const { name } of HOSTILE) expect(shown).toContain(`${firstWord(name)}, Pakistan`);
  await expect(page.locator(".recent-signers li *")).toHaveCount(0);
  await expectInert(page, dialogs);

  // The form sends back what was typed when a field is wrong: the payload returns as the input's value.
  const payload = '"><script>window.__pwned=1</script><img src=x onerror=alert(1)>';
  await page.getByLabel("Full name").fill(payload);
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByLabel("Country", { exact: true }).selectOption("PAK");
  await page.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Enter a valid email address, like name@example.org.").first()).toBeVisible();
  await expect(page.getByLabel("Full name")).toHaveValue(payload);
  await expectInert(page, dialogs);
});

test("hostile names and comments stay text in the admin list and on each signature's page", async ({ page }) => {
  test.setTimeout(90_000);
  const { campaign, ids } = await seedHostile();
  const admin = await createStaff("ADMIN");
  await signInByApi(page.request, admin);
  const dialogs = watchDialogs(page);

  await page.goto(`/admin/signatures?campaign=${campaign.id}`);
  const names = await page.locator("table.data tbody td:nth-child(2)").allTextContents();
  expect(names.sort()).toEqual(HOSTILE.map((h) => h.name).sort());
  const comments = await page.locator("table.data tbody td:nth-child(8)").allTextContents();
  expect(comments.sort()).toEqual(HOSTILE.map((h) => h.comment).sort());
  await expect(page.locator("table.data tbody td:nth-child(2) a")).toHaveCount(HOSTILE.length); // each name is a link to its page, with the name as text
  await expect(page.locator("table.data tbody td:nth-child(2) a *, table.data tbody td:nth-child(8) *")).toHaveCount(0);
  await expectInert(page, dialogs);

  for (const [i, id] of ids.entries()) {
    await page.goto(`/admin/signatures/${id}`);
    expect(await page.locator("h1").textContent()).toBe(`Signature of ${HOSTILE[i]!.name}`);
    const values = await page.locator("dl.details dd").allTextContents();
    expect(values).toContain(HOSTILE[i]!.name);
    expect(values).toContain(HOSTILE[i]!.comment);
    // No element from what was stored: the details' one element is the campaign's title, marked with
    // its language (components/ui/in-language.tsx).
    await expect(page.locator("h1 *")).toHaveCount(0);
    await expect(page.locator("dl.details dd *")).toHaveCount(1);
    await expect(page.locator("dl.details dd > span[lang]:only-child")).toHaveText(campaign.title);
    await expectInert(page, dialogs);
  }
});

test("hostile names and comments stay text on the signer's own data page and in the admin's report of referrers", async ({ page }) => {
  test.setTimeout(90_000);
  const campaign = await createCampaign();
  const dialogs = watchDialogs(page);
  const signers = [];
  for (const { name, comment } of HOSTILE) {
    const signer = await createSignature(campaign.id, { status: "CONFIRMED", fullName: name, comment });
    signers.push(signer);
    // Each brought a friend, so each is listed among the referrers.
    await withDb((client) =>
      client.query(
        `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, status, "referredById", "confirmedAt", "updatedAt")
         VALUES ($1, 'Friend', $2, $2, 'PAK', 'CONFIRMED', $3, now(), now())`,
        [campaign.id, `friend-${randomUUID().slice(0, 8)}@example.org`, signer.id],
      ),
    );
  }

  // Opened from the link in their mail: their name and comment as they typed them, as text.
  for (const [i, signer] of signers.entries()) {
    await page.goto(`/en/my-data/${signer.tokens.access}`);
    const values = await page.locator("dl.details dd").allTextContents();
    expect(values).toContain(HOSTILE[i]!.name);
    expect(values).toContain(HOSTILE[i]!.comment);
    await expect(page.locator("dl.details dd *")).toHaveCount(0);
    await expect(page.getByTestId("referral-count")).toHaveText("1 person has signed through your link (confirmed signatures only).");
    await expectInert(page, dialogs);
  }

  await signInByApi(page.request, await createStaff("ADMIN"));
  await page.goto(`/en/admin/campaigns/${campaign.id}/reach`);
  const referrers = page.getByRole("table", { name: "Top referrers" }).locator("tbody th");
  expect((await referrers.allTextContents()).sort()).toEqual(HOSTILE.map((h) => h.name).sort());
  await expect(referrers.locator("a")).toHaveCount(HOSTILE.length); // each name links to its signature, as text
  await expect(referrers.locator("a *")).toHaveCount(0);
  await expectInert(page, dialogs);
});

/** RFC 4180 as the export writes it: quoted fields with "" for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    record.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      endCell();
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      endCell();
      records.push(record);
      record = [];
      i++;
    } else {
      cell += c;
    }
  }
  if (cell || record.length) {
    endCell();
    records.push(record);
  }
  return records;
}

test("the CSV export keeps hostile text literal and neutralises spreadsheet formulas", async ({ page }) => {
  const { campaign, ids } = await seedHostile();
  const admin = await createStaff("ADMIN");
  await signInByApi(page.request, admin);
  const response = await page.request.get(`/admin/signatures/export?campaign=${campaign.id}`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
  const column = (name: string) => header!.indexOf(name);
  expect(rows).toHaveLength(HOSTILE.length);
  // What a spreadsheet app would read as a formula gets a leading apostrophe (lib/export/csv.ts); the rest is verbatim.
  const neutral = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  for (const [i, id] of ids.entries()) {
    const row = rows.find((r) => r[column("id")] === String(id));
    expect(row?.[column("full_name")]).toBe(neutral(HOSTILE[i]!.name));
    expect(row?.[column("comment")]).toBe(neutral(HOSTILE[i]!.comment));
  }
  expect(rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
  expect(rows.find((r) => r[column("full_name")] === "'=HYPERLINK(\"http://evil.example\",\"x\")")).toBeTruthy();
});

test("a hostile statement renders without script, handlers or javascript: links", async ({ page }) => {
  const campaign = await createCampaign();
  const statement = [
    "Opening paragraph.",
    "<script>window.__pwned=1;alert(1)</script>",
    "[click me](javascript:window.__pwned=1) and <a href=\"javascript:window.__pwned=1\">raw link</a> and <a href=\"jav&#x61;script:window.__pwned=1\">encoded link</a>",
    "<img src=x onerror=\"window.__pwned=1;alert(1)\"> <svg onload=\"window.__pwned=1\"></svg> <iframe src=\"javascript:window.__pwned=1\"></iframe>",
    "[a safe link](https://example.org/ok)",
  ].join("\n\n");
  // Written straight into the database (the admin form would refuse the source URL): React must still not render a live javascript: link.
  await withDb((client) => client.query(`UPDATE "Campaign" SET statement = $2, "sourceUrl" = 'javascript:window.__pwned=1' WHERE id = $1`, [campaign.id, statement]));
  const dialogs = watchDialogs(page);
  await page.goto(`/c/${campaign.slug}`);
  const body = page.locator(".statement-body");
  await expect(body).toContainText("Opening paragraph.");
  await expect(body).toContainText("click me");
  await expect(body).toContainText("raw link");
  await expect(body.locator("script, img, svg, iframe, [onerror], [onload]")).toHaveCount(0);
  const hrefs = await body.locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(hrefs).toEqual(["https://example.org/ok"]);
  await expectInert(page, dialogs);
  // The source link: React replaces the javascript: URL with one that only throws.
  expect(await page.locator(".statement p.small a").getAttribute("href")).not.toContain("__pwned");
});

test("hostile slugs and search parameters get a 4xx or a page, never a 5xx", async ({ page, request }) => {
  // (A bare dot segment such as %2e%2e is resolved by the client's URL parser before sending, so it is not here.)
  const slugs = ["..%2f..%2fetc%2fpasswd", "%2e%2e%5cadmin", "a".repeat(3000), encodeURIComponent("<script>alert(1)</script>"), encodeURIComponent("امینہ"), encodeURIComponent("'; DROP TABLE \"Campaign\"; --"), "%E2%80%AE"];
  for (const slug of slugs) {
    const api = await request.get(`/api/campaigns/${slug}`);
    expect([400, 404], `GET /api/campaigns/${slug.slice(0, 60)}`).toContain(api.status());
    if (api.status() === 404) {
      expect(api.headers()["access-control-allow-origin"]).toBe("*");
      expect(await api.json()).toEqual({ error: "not found" });
    }
    const html = await request.get(`/c/${slug}`);
    expect([400, 404], `GET /c/${slug.slice(0, 60)}`).toContain(html.status());
    expect(await html.text()).not.toContain("<script>alert(1)</script>");
  }

  const admin = await createStaff("MODERATOR");
  await signInByApi(page.request, admin);
  const dialogs = watchDialogs(page);
  const q = '"><script>window.__pwned=1</script>%_\\\'; DROP TABLE "Signature"; --';
  const params = new URLSearchParams({ q, campaign: "abc", status: "ALL", country: "<b>", from: "2024-02-30", to: "yesterday", after: "-1", before: "1e3", client: "zz", domain: "%" });
  const listed = await page.goto(`/admin/signatures?${params}`);
  expect(listed?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Signatures" })).toBeVisible();
  // The search box and the bulk form's hidden copy of the filter both carry q back, as a value.
  await expect(page.locator("#f-q")).toHaveValue(q);
  await expect(page.locator('input[type="hidden"][name="q"]')).toHaveValue(q);
  await expectInert(page, dialogs);
});

// Found by the hostile-input work and fixed (kept as regression checks; the property tests
// in lib/**/*.property.test.ts hold the same cases at the library level). Each of these requests got a
// 500: a NUL character or a number or date out of PostgreSQL's range reached the database, which
// refused it, and a malformed percent-encoding in the path failed in Next's own decoding of the route's
// segment (now a 400 from proxy.ts). Expected: a 4xx for the paths (404 JSON for the API), the page with
// the value dropped for the admin search, the file for the export.
test("NUL characters, out-of-range numbers and dates and malformed encodings never get a 5xx", async ({ page, request }) => {
  const admin = await createStaff("ADMIN");
  await signInByApi(page.request, admin);
  const publicPaths = ["/api/campaigns/%00", "/c/%00", "/api/campaigns/%E0%A4%A", "/c/%E0%A4%A", "/api/campaigns/%ff", "/c/%ff"];
  const adminPaths = [
    "/admin/signatures?q=%00",
    "/admin/signatures?after=2147483648",
    "/admin/signatures?campaign=2147483648",
    "/admin/signatures?from=0000-01-01",
    "/admin/signatures/export?campaign=1&to=9999-12-31",
  ];
  const statuses: Record<string, number> = {};
  for (const path of publicPaths) statuses[path] = (await request.get(path)).status();
  for (const path of adminPaths) statuses[path] = (await page.request.get(path)).status();
  const serverErrors = Object.fromEntries(Object.entries(statuses).filter(([, status]) => status >= 500));
  expect(serverErrors).toEqual({});
  expect(statuses["/api/campaigns/%00"]).toBe(404);
  for (const path of adminPaths) expect(statuses[path], path).toBe(200);
});
