import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import { expect, test as base, type Page } from "@playwright/test";
import { createCampaign, createSignature, createTarget, withDb, type TestCampaign, type TestSignature } from "./support/db";
import en from "../messages/en.json";
import ur from "../messages/ur.json";
import { unformattedMessages } from "../scripts/lib/check-messages";
import { byVote, plenary, campaign as seeded } from "./support/facts";
import { listContrast, tabThrough } from "./support/focus";
import { createStaff, signInByApi, type Staff } from "./support/staff";

// WCAG 2.2 AA, as far as a machine can tell: axe on every page of the site and of the admin, in both
// languages, in the states people meet (an error summary, a preview), with no rule turned off. On each,
// no message is shown unformatted: raw ICU syntax, a raw tag or a missing key's fallback.

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LOCALES = ["en", "ur"] as const;

/** One line per failing element: rule, what it asks for, where, and axe's own summary. */
function report(violations: Result[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  - ${n.target.join(" ")}\n    ${(n.failureSummary ?? "").replace(/\n/g, "\n    ")}`).join("\n")}`)
    .join("\n");
}

// Legacy mode runs axe in the page itself (axe.run) instead of per frame and then again in a new blank
// page, which cost a quarter of the time; the app's pages have no frames (the embedded widget is checked
// as a page of its own). Only violations are detailed: passes and the like are not reported node by node.
// (options() replaces what withTags() set: it comes first.)
async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ["violations"] }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  expect.soft(violations, `axe on ${page.url()}:\n${report(violations)}`).toEqual([]);
  expect.soft(unformattedMessages(await shownText(page), NAMESPACES), `unformatted messages on ${page.url()}`).toEqual([]);
}

const NAMESPACES = Object.keys(en);

/** What a reader meets: the visible text, the title, and the labels and descriptions in attributes. */
function shownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts = [document.body.innerText, document.title];
    for (const element of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], meta[content]")) {
      for (const name of ["aria-label", "title", "placeholder", "alt", "content"]) {
        const value = element.getAttribute(name);
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

type Data = { campaign: TestCampaign; closed: TestCampaign; signature: TestSignature; pending: TestSignature; seededId: number; updateId: number; admin: Staff };

// One campaign, signatures and admin per worker: the pages only read them. (The fixtures' callback is
// called `provide`, not Playwright's usual `use`, which the React hooks lint rule takes for React's.)
const test = base.extend<{ data: Data }, { workerData: Data }>({
  workerData: [
    async ({}, provide) => {
      const campaign = await createCampaign();
      const signature = await createSignature(campaign.id, { status: "CONFIRMED", comment: "For the defenders." });
      const pending = await createSignature(campaign.id);
      const seededId = await withDb(async (client) => (await client.query(`SELECT id FROM "Campaign" WHERE slug = $1`, [seeded.slug])).rows[0].id as number);
      const closed = await createCampaign({ status: "CLOSED" });
      // A target with an address, and letters sent by the site: the campaign page invites to write, and
      // the signer's own data page carries the letter form.
      await createTarget(campaign.id, { name: "Foreign Office", email: "office@example.org" });
      await withDb((client) => client.query(`UPDATE "Campaign" SET "lettersBySite" = true WHERE id = $1`, [campaign.id]));
      // A draft update with its English text (the page shows its form and preview).
      const updateId = await withDb(async (client) => {
        const id = (await client.query(`INSERT INTO "CampaignUpdate" ("campaignId", "updatedAt") VALUES ($1, now()) RETURNING id`, [campaign.id])).rows[0].id as number;
        await client.query(`INSERT INTO "CampaignUpdateText" ("updateId", locale, subject, body) VALUES ($1, 'en', 'News', 'The vote is **next week**.')`, [id]);
        return id;
      });
      await provide({ campaign, closed, signature, pending, seededId, updateId, admin: await createStaff("ADMIN") });
    },
    { scope: "worker" },
  ],
  data: async ({ workerData }, provide) => provide(workerData),
});

/** Opens the page in both languages and runs axe on each. */
async function checkPage(page: Page, path: string) {
  for (const locale of LOCALES) {
    await page.goto(`/${locale}${path}`);
    await expectAccessible(page);
  }
}

const broken = "x".repeat(43);

/**
 * Every page of the site (app/**\/page.tsx, not-found, forbidden), with the data it needs. Not here:
 * the error pages (error.tsx: only a failure shows them), the development outbox (404 unless mail is
 * not sent, never in production) and app/not-found.tsx (paths outside a language, all redirected).
 */
const PAGES: { name: string; path: (data: Data) => string; as?: "ADMIN" | "MODERATOR" }[] = [
  { name: "home", path: () => "" },
  { name: "privacy", path: () => "/privacy" },
  // The vote record (totals, map, who voted against, sources).
  { name: "campaign page with its vote record", path: () => `/c/${seeded.slug}` },
  // Every country's vote in a table, and the lookup's answer: the heaviest page.
  { name: "votes page with a country looked up", path: () => `/c/${seeded.slug}/votes?country=PAK#my-country` },
  { name: "campaign page without votes, with signers", path: (d) => `/c/${d.campaign.slug}` },
  { name: "closed campaign page", path: (d) => `/c/${d.closed.slug}` },
  { name: "country page", path: () => `/c/${seeded.slug}/country/PAK` },
  { name: "thanks page after signing", path: (d) => `/c/${d.campaign.slug}/thanks?result=check-email` },
  { name: "thanks page after confirming, with the signer's link", path: (d) => `/c/${d.campaign.slug}/thanks?result=confirmed&ref=${d.signature.referralCode}` },
  { name: "thanks page after answering that the signer will share", path: (d) => `/c/${d.campaign.slug}/thanks?result=confirmed&ref=${d.signature.referralCode}&step=share` },
  { name: "letters to the seeded campaign's targets", path: () => `/c/${seeded.slug}/write` },
  { name: "letters to a target with an address, the site sending them too", path: (d) => `/c/${d.campaign.slug}/write` },
  { name: "thanks page after withdrawing", path: (d) => `/c/${d.campaign.slug}/thanks?result=withdrawn` },
  { name: "confirm link", path: (d) => `/confirm/${d.pending.tokens.confirm}` },
  { name: "broken confirm link", path: () => `/confirm/${broken}` },
  { name: "withdraw link", path: (d) => `/withdraw/${d.signature.tokens.withdraw}` },
  { name: "unsubscribe page (a test link)", path: () => "/unsubscribe/test" },
  { name: "broken unsubscribe link", path: () => `/unsubscribe/${broken}` },
  { name: "signer's own data, with the letters the site can send", path: (d) => `/my-data/${d.signature.tokens.access}` },
  { name: "broken own-data link", path: () => `/my-data/${broken}` },
  { name: "embedded widget", path: (d) => `/embed/${d.campaign.slug}` },
  { name: "embedded widget's thanks page", path: (d) => `/embed/${d.campaign.slug}/thanks?result=check-email` },
  { name: "page not found", path: () => "/no-such-page" },
  { name: "campaign not found", path: () => "/c/no-such-campaign" },
  { name: "admin sign-in", path: () => "/admin/login" },
  { name: "admin dashboard", path: () => "/admin", as: "ADMIN" },
  { name: "admin signatures list", path: (d) => `/admin/signatures?campaign=${d.campaign.id}`, as: "ADMIN" },
  { name: "admin signature detail", path: (d) => `/admin/signatures/${d.signature.id}`, as: "ADMIN" },
  { name: "admin audit log", path: () => "/admin/audit", as: "ADMIN" },
  { name: "admin integrity", path: (d) => `/admin/integrity?campaign=${d.campaign.id}`, as: "ADMIN" },
  { name: "admin campaigns list", path: () => "/admin/campaigns", as: "ADMIN" },
  { name: "admin new campaign", path: () => "/admin/campaigns/new", as: "ADMIN" },
  { name: "admin campaign edit, with its vote stages", path: (d) => `/admin/campaigns/${d.seededId}`, as: "ADMIN" },
  { name: "admin campaign preview", path: (d) => `/admin/campaigns/${d.campaign.id}/preview`, as: "ADMIN" },
  { name: "admin campaign reach", path: (d) => `/admin/campaigns/${d.campaign.id}/reach`, as: "ADMIN" },
  { name: "admin delivery report, with names", path: (d) => `/admin/campaigns/${d.campaign.id}/report?names=1`, as: "ADMIN" },
  { name: "admin targets and letters", path: (d) => `/admin/campaigns/${d.seededId}/targets`, as: "ADMIN" },
  { name: "admin updates to signers", path: (d) => `/admin/campaigns/${d.campaign.id}/updates`, as: "ADMIN" },
  { name: "admin update with its preview", path: (d) => `/admin/campaigns/${d.campaign.id}/updates/${d.updateId}`, as: "ADMIN" },
  { name: "admin campaign translation", path: (d) => `/admin/campaigns/${d.campaign.id}/translations/ur`, as: "ADMIN" },
  { name: "admin accounts", path: () => "/admin/accounts", as: "ADMIN" },
  { name: "admin two-factor settings", path: () => "/admin/accounts/me", as: "ADMIN" },
  { name: "admin page not allowed to a moderator", path: () => "/admin/accounts", as: "MODERATOR" },
];

test.describe("axe finds nothing", () => {
  for (const { name, path, as } of PAGES) {
    test(name, async ({ page, data }) => {
      if (as) await signInByApi(page.request, as === "ADMIN" ? data.admin : await createStaff("MODERATOR"));
      await checkPage(page, path(data));
    });
  }

  test("sign form after a failed submit, with its error summary", async ({ page, data }) => {
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/c/${data.campaign.slug}`);
      await page.locator("#email").fill("not-an-email");
      await page.locator("form.sign-form button[type=submit]").click();
      await expect(page.locator(".error-summary")).toBeFocused();
      await expectAccessible(page);
    }
  });

  test("admin signatures list with a bulk preview shown", async ({ page, data }) => {
    await signInByApi(page.request, data.admin);
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/admin/signatures?campaign=${data.campaign.id}`);
      await page.locator("input[name=scope][value=filter]").check();
      await page.locator("#bulk-form button[value=preview]").click();
      await expect(page.locator("form.preview")).toBeVisible();
      await expectAccessible(page);
    }
  });
});

test.describe("beyond axe", () => {
  test("focus rings contrast at least 3:1 with what is around them, on the public pages and the admin", async ({ page, data }) => {
    const stops = [];
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/c/${data.campaign.slug}`);
      stops.push(...(await tabThrough(page, 16)));
    }
    await signInByApi(page.request, data.admin);
    await page.goto(`/en/admin/signatures?campaign=${data.campaign.id}`);
    stops.push(...(await tabThrough(page, 24)));
    expect(stops.filter((stop) => stop.contrast < 3), listContrast(stops)).toEqual([]);
  });

  test("with reduced motion asked for, nothing moves and nothing scrolls smoothly", async ({ page }) => {
    await page.goto(`/en/c/${seeded.slug}`);
    // The page as it is, plus the app's animated pieces (the link spinner, the loading skeleton) as
    // the app shows them.
    const motion = () =>
      page.evaluate(() => {
        const spinner = Object.assign(document.createElement("span"), { className: "link-pending is-pending" });
        const skeleton = Object.assign(document.createElement("div"), { className: "skeleton skeleton-text" });
        document.querySelector("main")!.append(spinner, skeleton);
        const moving = [...document.querySelectorAll("*")]
          .filter((element) => {
            const style = getComputedStyle(element);
            const seconds = (value: string) => Math.max(...value.split(",").map((part) => parseFloat(part)));
            return (style.animationName !== "none" && seconds(style.animationDuration) > 0) || seconds(style.transitionDuration) > 0;
          })
          .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join(".")}`);
        spinner.remove();
        skeleton.remove();
        return { moving, scrollBehavior: getComputedStyle(document.documentElement).scrollBehavior };
      });
    expect((await motion()).moving).toEqual(["span.link-pending.is-pending", "div.skeleton.skeleton-text"]);
    await page.emulateMedia({ reducedMotion: "reduce" });
    expect(await motion()).toEqual({ moving: [], scrollBehavior: "auto" });
  });

  // campaign.spec.ts checks, in English, every member's vote in the table; the Urdu table names them
  // in Urdu, so here each vote's rows are counted against the record.
  test("in Urdu too, the votes table gives every member of the plenary its vote", async ({ page }) => {
    await page.goto(`/ur/c/${seeded.slug}/votes`);
    const plenaryVotes = await page.locator("section.vote-table tbody tr td:last-child").allTextContents();
    expect(plenary.rows).toHaveLength(193);
    for (const [vote, csv] of [["YES", "yes"], ["NO", "no"], ["ABSTAIN", "abstain"], ["ABSENT", "absent"]] as const) {
      const count = byVote(plenary.rows, csv).length;
      expect(plenaryVotes.filter((text) => text.trim() === ur.Votes.vote[vote]), ur.Votes.vote[vote]).toHaveLength(count);
    }
    await page.goto(`/ur/c/${seeded.slug}`);
    for (const [vote, csv] of [["YES", "yes"], ["NO", "no"], ["ABSTAIN", "abstain"], ["ABSENT", "absent"]] as const) {
      await expect(page.locator(".legend li").filter({ hasText: ur.Votes.vote[vote] })).toContainText(`(${byVote(plenary.rows, csv).length})`);
    }
  });
});

test.describe("Urdu mirrors", () => {
  test("the progress bar fills from the right, the map's legend and the vote bar read right to left", async ({ page, data }) => {
    const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/c/${data.campaign.slug}`);
      const [track, filled] = [await box(".progress-bar"), await box(".progress-bar > span")];
      expect(filled.width, "a tenth of the goal is filled").toBeGreaterThan(track.width / 20);
      expect(filled.width).toBeLessThan(track.width / 2);
      // The filled part starts at the track's start: the right edge in Urdu, the left in English (1px border).
      if (locale === "ur") expect(Math.abs(track.x + track.width - (filled.x + filled.width))).toBeLessThanOrEqual(1.5);
      else expect(Math.abs(filled.x - track.x)).toBeLessThanOrEqual(1.5);
    }

    await page.goto(`/ur/c/${seeded.slug}`);
    const legend = await page.locator(".legend li").evaluateAll((items) => items.map((item) => item.getBoundingClientRect().right));
    expect(legend.length).toBe(4);
    expect(legend, "each legend entry left of the one before").toEqual([...legend].sort((a, b) => b - a));
    const parts = await page.locator(".stage-totals").first().locator(".vote-bar-part").evaluateAll((items) => items.map((item) => item.getBoundingClientRect().right));
    expect(parts, "in favour first, from the right").toEqual([...parts].sort((a, b) => b - a));
  });

  test("the admin's tables start on the right", async ({ page, data }) => {
    await signInByApi(page.request, data.admin);
    await page.goto(`/ur/admin/signatures?campaign=${data.campaign.id}`);
    const table = (await page.locator("table.data").boundingBox())!;
    const headers = await page.locator("table.data thead th").evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect()).map(({ left, right }) => ({ left, right })));
    expect(Math.abs(headers[0]!.right - (table.x + table.width))).toBeLessThanOrEqual(1);
    expect(headers[1]!.right).toBeLessThanOrEqual(headers[0]!.left + 1);
  });

  test("the dashboard's chart runs from the right in Urdu, from the left in English", async ({ page, data }) => {
    await signInByApi(page.request, data.admin);
    for (const locale of LOCALES) {
      await page.goto(`/${locale}/admin`);
      // Each day's bars, oldest first: where the drawing places them (a day without signatures has bars
      // of no height, so their boxes are not measured).
      const lefts = await page.locator("svg.chart g").evaluateAll((days) => days.map((day) => Number(/translate\(([-\d.]+)/.exec(day.getAttribute("transform") ?? "")?.[1])));
      expect(lefts.length).toBeGreaterThan(1);
      const sorted = [...lefts].sort((a, b) => a - b);
      expect(lefts, locale).toEqual(locale === "ur" ? sorted.reverse() : sorted);
    }
  });
});
