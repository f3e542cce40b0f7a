import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createCampaign, signatureRows, withDb } from "./support/db";
import { createStaff, signInByApi } from "./support/staff";

// Journey: staff sign in, moderate one signature and a filtered bulk (with preview), read the audit
// log, see the counts change, and export the filtered signatures.

async function addSignatures(campaignId: number, specs: { name: string; status: "PENDING" | "CONFIRMED"; country?: string }[]) {
  await withDb(async (client) => {
    for (const spec of specs) {
      const email = `${randomUUID().slice(0, 8)}@example.org`;
      await client.query(
        `INSERT INTO "Signature" ("campaignId", "fullName", email, "emailCanonical", country, status, "confirmedAt", "updatedAt")
         VALUES ($1, $2, $3, $3, $4, $5::"SignatureStatus", CASE WHEN $5::"SignatureStatus" = 'CONFIRMED' THEN now() END, now())`,
        [campaignId, spec.name, email, spec.country ?? "PAK", spec.status],
      );
      if (spec.status === "CONFIRMED") {
        await client.query(
          `INSERT INTO "SignatureCount" ("campaignId", country, shard, confirmed) VALUES ($1, $2, 0, 1)
           ON CONFLICT ("campaignId", country, shard) DO UPDATE SET confirmed = "SignatureCount".confirmed + 1`,
          [campaignId, spec.country ?? "PAK"],
        );
      }
    }
  });
}

const publicCount = async (page: import("@playwright/test").Page, slug: string) => {
  await page.goto(`/c/${slug}`);
  return Number((await page.getByTestId("confirmed-count").innerText()).replace(/\D/g, ""));
};

test("an admin signs in through the form, moderates, reviews the audit log and exports", async ({ page }) => {
  const admin = await createStaff("ADMIN");
  const campaign = await createCampaign({ goal: 100 });
  const marker = `Botwave${randomUUID().slice(0, 6)}`;
  await addSignatures(campaign.id, [
    { name: "Ayesha Siddiqui", status: "CONFIRMED" },
    { name: `${marker} One`, status: "CONFIRMED" },
    { name: `${marker} Two`, status: "CONFIRMED" },
    { name: `${marker} Three`, status: "PENDING" },
  ]);
  expect(await publicCount(page, campaign.slug)).toBe(3);

  // The real login form (the only test that uses it).
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.getByLabel("Email address").fill(admin.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toBeVisible();
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // One signature: reject it with a reason.
  await page.goto(`/admin/signatures?campaign=${campaign.id}&q=Ayesha`);
  await page.getByRole("link", { name: "Ayesha Siddiqui" }).click();
  // The list page has a Reason field too: wait for the detail page before typing.
  await expect(page.getByRole("heading", { level: 1, name: "Signature of Ayesha Siddiqui" })).toBeVisible();
  await page.getByLabel("Reason").fill("signed twice under two addresses");
  await page.getByRole("button", { name: "Reject" }).click();
  await expect(page.getByText("Reject: 1 signature changed.")).toBeVisible();
  expect((await signatureRows(campaign.id)).find((row) => row.fullName === "Ayesha Siddiqui")?.status).toBe("REJECTED");

  // A filtered bulk, previewed first.
  await page.goto(`/admin/signatures?campaign=${campaign.id}&q=${marker}`);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(4);
  await page.getByLabel("Everything matching the filter (all pages)").check();
  await page.getByLabel("Action").selectOption("spam");
  await page.getByLabel("Reason").fill("bot wave");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("Mark as spam: this would change 3 signatures.")).toBeVisible();
  expect((await signatureRows(campaign.id)).filter((row) => row.status === "SPAM")).toHaveLength(0);
  await page.getByRole("button", { name: "Apply to 3 signatures" }).click();
  await expect(page.getByText("Mark as spam: 3 signatures changed.")).toBeVisible();
  expect((await signatureRows(campaign.id)).filter((row) => row.status === "SPAM")).toHaveLength(3);

  // The audit log shows both, with who and why.
  await page.goto("/admin/audit");
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows.filter({ hasText: "signature.spam" }).filter({ hasText: admin.email }).filter({ hasText: "bot wave" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "signature.reject" }).filter({ hasText: "signed twice" }).first()).toBeVisible();

  // The public count followed: 3 confirmed, one rejected, two marked as spam.
  expect(await publicCount(page, campaign.slug)).toBe(0);

  // Export the campaign's spam as CSV and read it.
  const response = await page.request.get(`/admin/signatures/export?campaign=${campaign.id}&status=SPAM`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const csv = (await response.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(csv).toHaveLength(4);
  expect(csv.slice(1).every((line) => line.includes(marker) && line.includes("SPAM"))).toBe(true);
});

test("a moderator may moderate but not export or manage accounts", async ({ page }) => {
  const moderator = await createStaff("MODERATOR");
  await signInByApi(page.request, moderator);
  await page.goto("/admin/signatures");
  await expect(page.getByRole("heading", { level: 1, name: "Signatures" })).toBeVisible();
  expect((await page.request.get("/admin/signatures/export")).status()).toBe(403);
  const accounts = await page.goto("/admin/accounts");
  expect(accounts?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
});
