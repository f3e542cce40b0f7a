import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCampaign, unique } from "@/lib/test/factories";

// The migration that turned the English sentences the app stored in Signature.statusReason into
// reason codes (20261203063000_signature_reason_code), run again on rows as they were before it: the
// app's sentences become codes and go; a moderator's words stay, coded as a moderator's decision.

const MIGRATION = path.resolve(import.meta.dirname, "../../prisma/migrations/20261203063000_signature_reason_code/migration.sql");

/** The migration's UPDATE (its other statements create the type and the column, already there). */
function conversion(): string {
  const statements = readFileSync(MIGRATION, "utf8")
    .replace(/--.*$/gm, "")
    .split(";")
    .map((statement) => statement.trim());
  const update = statements.filter((statement) => statement.startsWith("UPDATE"));
  expect(update).toHaveLength(1);
  return update[0]!;
}

describe("the reason-code migration", () => {
  it("codes the app's sentences, keeps a moderator's words, and leaves rows without a reason alone", async () => {
    const campaign = await createCampaign();
    const before: [string, string | null][] = [
      ["QUARANTINED", "rate limit"],
      ["QUARANTINED", "disposable email"],
      ["WITHDRAWN", "Withdrawn by the signer"],
      ["SPAM", "honeypot"],
      ["SPAM", "replayed proof of work"],
      ["REJECTED", "Same person signed twice"],
      ["REJECTED", null],
    ];
    const ids: number[] = [];
    for (const [status, statusReason] of before) {
      const email = `${unique("legacy")}@example.org`;
      const row = await db().signature.create({
        data: { campaignId: campaign.id, fullName: "Legacy Row", email, emailCanonical: email, country: "PAK", status: status as "REJECTED", statusReason },
        select: { id: true },
      });
      ids.push(row.id);
    }
    // Only these rows: the statement is run with its WHERE narrowed to them.
    await db().$executeRawUnsafe(`${conversion()} AND id = ANY($1::int[])`, ids);
    const after = await db().signature.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" }, select: { reasonCode: true, statusReason: true } });
    expect(after).toEqual([
      { reasonCode: "RATE_LIMIT", statusReason: null },
      { reasonCode: "DISPOSABLE_EMAIL", statusReason: null },
      { reasonCode: "WITHDRAWN_BY_SIGNER", statusReason: null },
      { reasonCode: "HONEYPOT", statusReason: null },
      { reasonCode: "REPLAYED_PROOF", statusReason: null },
      { reasonCode: "MODERATOR", statusReason: "Same person signed twice" },
      { reasonCode: null, statusReason: null },
    ]);
  });
});
