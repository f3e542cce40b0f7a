import { expect, test, type Locator, type Page } from "@playwright/test";
import { byVote, campaign, committee, plenary, rowOf, statementParagraphs, VOTE_LABEL, type Row } from "./support/facts";

// Journey: a visitor reads the campaign, its statement and how every country voted.

const campaignPath = `/c/${campaign.slug}`;
const votesPath = `${campaignPath}/votes`;

function stageSection(page: Page, body: string) {
  return page.locator("section.stage-countries").filter({ has: page.getByRole("heading", { level: 3, name: new RegExp(`^${body},`) }) });
}

/** The items' innerText once the browser has laid them out (scrolled to them first). */
async function renderedTexts(items: Locator): Promise<string[]> {
  await items.first().scrollIntoViewIfNeeded();
  let texts: string[] = [];
  await expect
    .poll(async () => {
      texts = await items.allInnerTexts();
      return texts.length > 0 && texts.every((text) => text.trim() !== "");
    })
    .toBe(true);
  return texts;
}

async function namesIn(list: Locator): Promise<string[]> {
  // The vote record is laid out only when scrolled near (content-visibility: auto), and text that is
  // not laid out has no innerText: scroll to it as a reader would, and wait for the next rendering.
  const texts = await renderedTexts(list.getByRole("listitem"));
  // "Swaziland (now Eswatini)" is listed under the name the UN used in 2015.
  return texts.map((text) => text.replace(/ \(now .*\)$/, "").trim());
}

/** "UN General Assembly, plenary (17 December 2015): Against", whatever the date format. */
const stageVote = (body: string, day: string, vote: string) =>
  new RegExp(`^${body.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\([^)]*\\b${day}\\b[^)]*2015\\): ${vote}$`);

const names = (rows: Row[]) => rows.map((row) => row.name).sort();

test("the home page lists the open campaign and links to it", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: campaign.title }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: campaign.title })).toBeVisible();
});

test("the campaign page shows the statement and the totals of both stages", async ({ page }) => {
  await page.goto(campaignPath);
  const statement = page.locator("section.statement");
  for (const paragraph of statementParagraphs) await expect(statement.getByText(paragraph, { exact: true })).toBeVisible();

  for (const stage of [committee, plenary]) {
    const totals = page.locator("section.stage-totals").filter({ has: page.getByRole("heading", { name: new RegExp(`^${stage.body},`) }) });
    for (const [label, value] of [
      [VOTE_LABEL.yes, stage.yes],
      [VOTE_LABEL.no, stage.no],
      [VOTE_LABEL.abstain, stage.abstain],
      [VOTE_LABEL.absent, stage.notVoting],
    ] as const) {
      await expect(totals.locator(".total").filter({ hasText: label }).locator("dd")).toHaveText(String(value));
    }
  }
  // The plenary's per-country list must add up to its official totals.
  expect(byVote(plenary.rows, "yes")).toHaveLength(plenary.yes);
  expect(byVote(plenary.rows, "absent")).toHaveLength(plenary.notVoting);
});

/** The votes page's table: each country's name (as the record has it) and its vote at each stage. */
async function tableRows(page: Page): Promise<Map<string, string[]>> {
  const rows = await page.locator("section.vote-table tbody tr").evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())),
  );
  return new Map(rows.map(([name = "", ...votes]) => [name.replace(/ \(now .*\)$/, ""), votes]));
}

test("the campaign page names the countries that voted against, at both stages", async ({ page }) => {
  await page.goto(campaignPath);
  for (const stage of [committee, plenary]) {
    const list = stageSection(page, stage.body).getByRole("list", { name: `${VOTE_LABEL.no} (${stage.no})` });
    expect((await namesIn(list)).sort()).toEqual(names(byVote(stage.rows, "no")));
    // Only who voted against: everyone else is on the votes page.
    await expect(stageSection(page, stage.body).getByRole("list", { name: new RegExp(`^(${VOTE_LABEL.yes}|${VOTE_LABEL.abstain})`) })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Every country's vote, in a table" }).click();
  await expect(page).toHaveURL(new RegExp(`${votesPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: "How each country voted" })).toBeVisible();
});

test("the committee vote names only the countries against and abstaining, never one in favour", async ({ page }) => {
  await page.goto(votesPath);
  const table = await tableRows(page);
  for (const row of committee.rows) {
    const shown = table.get(row.name)?.[0];
    const expected = row.vote === "no" || row.vote === "abstain" ? VOTE_LABEL[row.vote] : VOTE_LABEL.unknown;
    expect(shown, `${row.name} in committee`).toBe(expected);
  }
  expect([...table.values()].filter(([vote]) => vote === VOTE_LABEL.yes)).toHaveLength(0);
  await expect(page.getByText(`${committee.yes} countries voted in favour. The record does not name them`)).toBeVisible();
});

test("the votes page's table gives every one of the 193 members its plenary vote; the map shows it too", async ({ page }) => {
  expect(plenary.rows).toHaveLength(193);
  await page.goto(votesPath);
  const table = await tableRows(page);
  await expect(page.getByRole("table", { name: `The vote of each of the ${table.size} countries at each stage` })).toBeVisible();
  for (const row of plenary.rows) expect(table.get(row.name)?.[1], `${row.name} in the plenary`).toBe(VOTE_LABEL[row.vote]);
  // Each country's row links to its own page.
  await expect(page.getByRole("row", { name: /^Pakistan / }).getByRole("link", { name: "Pakistan" })).toHaveAttribute("href", new RegExp(`${campaignPath}/country/PAK$`));

  // The map (an SVG file shown as an image) on the campaign page: each drawn member carries its name
  // and vote; the rest are listed under the map.
  await page.goto(campaignPath);
  const src = await page.getByRole("img", { name: /^World map of the votes on .*, coloured by vote/ }).getAttribute("src");
  const map = await page.request.get(src!);
  expect(map.headers()["content-type"]).toContain("image/svg+xml");
  expect(map.headers()["cache-control"]).toContain("immutable");
  const unescape = (text: string) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
  const titles = [...(await map.text()).matchAll(/<path [^>]*><title>([^<]*)<\/title><\/path>/g)].map((match) => unescape(match[1]!));
  expect(titles.length).toBeGreaterThan(150);
  const onMap = new Map(titles.map((title) => [title.slice(0, title.lastIndexOf(":")), title.slice(title.lastIndexOf(":") + 2)]));
  const notOnMap = new Map(
    (await renderedTexts(page.locator(".not-on-map li"))).map((text) => {
      const at = text.lastIndexOf(":");
      return [text.slice(0, at).replace(/ \(now .*\)$/, ""), text.slice(at + 2)];
    }),
  );
  for (const row of plenary.rows) {
    const shown = onMap.get(row.name) ?? notOnMap.get(row.name);
    expect(shown, `${row.name} on the map or in the list below it`).toBe(VOTE_LABEL[row.vote]!.toLowerCase());
  }
});

test("Pakistan's votes at both stages", async ({ page }) => {
  await page.goto(campaignPath);
  await page.getByRole("link", { name: "How did my country vote?" }).click();
  await page.getByLabel("Look up a country").selectOption("PAK");
  await page.getByRole("button", { name: "Show the votes" }).click();
  const result = page.locator(".lookup-result");
  await expect(result.getByRole("heading", { name: "Pakistan" })).toBeVisible();
  await expect(result.getByText(stageVote(committee.body, "25", VOTE_LABEL[rowOf(committee.rows, "PAK").vote]!))).toBeVisible();
  await expect(result.getByText(stageVote(plenary.body, "17", VOTE_LABEL[rowOf(plenary.rows, "PAK").vote]!))).toBeVisible();
  await expect(result.getByText("It voted the same way at both stages.")).toBeVisible();
});

test("the lookup tells what changed, and what the record cannot tell", async ({ page }) => {
  await page.goto(`${votesPath}?country=ZAF`);
  const expectedChange = `${VOTE_LABEL[rowOf(committee.rows, "ZAF").vote]!.toLowerCase()} in committee, ${VOTE_LABEL[rowOf(plenary.rows, "ZAF").vote]!.toLowerCase()} in the plenary`;
  await expect(page.locator(".lookup-result")).toContainText(`It changed its vote: ${expectedChange}.`);

  await page.goto(`${votesPath}?country=NOR`);
  expect(rowOf(committee.rows, "NOR").vote).toBe("unknown");
  await expect(page.locator(".lookup-result")).toContainText("The committee record does not name this country's vote");
  await expect(page.locator(".lookup-result").getByText(stageVote(committee.body, "25", VOTE_LABEL.unknown!))).toBeVisible();
  await expect(page.locator(".lookup-result").getByText(stageVote(committee.body, "25", VOTE_LABEL.yes!))).toHaveCount(0);

  await page.goto(`${votesPath}?country=XXX`);
  await expect(page.getByRole("alert").filter({ hasText: "We have no vote record for that country" })).toBeVisible();

  // A lookup link shared before the lookup had a page of its own still answers.
  await page.goto(`${campaignPath}?country=PAK`);
  await expect(page).toHaveURL(new RegExp(`${votesPath}/PAK#my-country$`));
  await expect(page.locator(".lookup-result").getByRole("heading", { name: "Pakistan" })).toBeVisible();
});

test("the pages and the lookup work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(campaignPath);
  await page.getByRole("link", { name: "How did my country vote?" }).click();
  await page.getByLabel("Look up a country").selectOption("CUB");
  await page.getByRole("button", { name: "Show the votes" }).click();
  // The country's own lookup page (lib/net/cacheable-pages.ts: each answer can be cached).
  await expect(page).toHaveURL(/votes\/CUB#my-country$/);
  await expect(page.locator(".lookup-result")).toContainText(
    `It changed its vote: ${VOTE_LABEL[rowOf(committee.rows, "CUB").vote]!.toLowerCase()} in committee, ${VOTE_LABEL[rowOf(plenary.rows, "CUB").vote]!.toLowerCase()} in the plenary.`,
  );
  await context.close();
});

test("an unknown campaign gets a real 404 page", async ({ page }) => {
  const response = await page.goto("/c/no-such-campaign");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "See the open campaigns" })).toBeVisible();
});

test("the health check reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "up" });
});

test("each country has a page of its own to share, and the lookup links to it", async ({ page }) => {
  await page.goto(`${votesPath}?country=PAK`);
  await page.getByRole("link", { name: "A page to share about Pakistan's votes" }).click();
  await expect(page).toHaveURL(new RegExp(`${campaignPath}/country/PAK$`));
  await expect(page.getByRole("heading", { level: 1, name: "How Pakistan voted" })).toBeVisible();
  await expect(page.getByText(stageVote(committee.body, "25", VOTE_LABEL[rowOf(committee.rows, "PAK").vote]!))).toBeVisible();
  await expect(page.getByText(stageVote(plenary.body, "17", VOTE_LABEL[rowOf(plenary.rows, "PAK").vote]!))).toBeVisible();
  await expect(page.getByRole("link", { name: "Share on X" })).toHaveAttribute("href", /country%2FPAK/);
  expect((await page.goto(`${campaignPath}/country/XXX`))?.status()).toBe(404);
  // In Urdu, the country is named in Urdu (i18n-iso-countries), in the heading and in the lookup's link.
  await page.goto(`/ur${votesPath}?country=PAK`);
  await page.locator(".lookup-result").getByRole("link", { name: /^پاکستان / }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^پاکستان /);
});
