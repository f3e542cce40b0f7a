import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { SignatureStatus } from "@/lib/petition/states";

// Data for service tests: each test makes its own, with unique keys, so tests never depend on order.

export function unique(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/** A client address of its own (10.0.0.0/8), so rate limits of one test never touch another's. */
export function uniqueAddress(): string {
  const n = randomInt(1, 2 ** 24);
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
}

export async function createCampaign(overrides: { status?: "DRAFT" | "OPEN" | "CLOSED"; deadline?: Date | null; goal?: number } = {}) {
  return db().campaign.create({
    data: {
      slug: unique("campaign"),
      title: "Test campaign",
      summary: "A campaign made by a test.",
      organisation: "Test organisation",
      statementDate: "2015",
      statement: "Paragraph one.\n\nParagraph two.",
      sourceName: "Test",
      goal: overrides.goal ?? 100,
      status: overrides.status ?? "OPEN",
      deadline: overrides.deadline ?? null,
    },
  });
}

export async function createStaff(role: "ADMIN" | "MODERATOR" = "MODERATOR") {
  const email = `${unique(role.toLowerCase())}@staff.test`;
  const user = await db().adminUser.create({ data: { email, role, passwordHash: "not-used-in-this-test" } });
  return { id: user.id, email: user.email, name: null, role, twoFactor: false };
}

type Status = SignatureStatus;

/** Signatures inserted directly, with the counts rebuilt to match (as the reconciliation would). */
export async function createSignatures(campaignId: number, specs: { status: Status; country?: string; fullName?: string; comment?: string }[]) {
  const created = [];
  for (const spec of specs) {
    const email = `${unique("s")}@example.org`;
    created.push(
      await db().signature.create({
        data: {
          campaignId,
          fullName: spec.fullName ?? "Test Signer",
          email,
          emailCanonical: email,
          country: spec.country ?? "PAK",
          comment: spec.comment ?? null,
          status: spec.status,
          confirmedAt: spec.status === "CONFIRMED" ? new Date() : null,
        },
      }),
    );
  }
  const { reconcileCounts } = await import("@/lib/petition/counts");
  await reconcileCounts([campaignId]);
  return created;
}

/** A vote stage of a campaign with the given countries' votes (the other figures are placeholders). */
export async function createVoteStage(campaignId: number, key: string, position: number, votes: { iso3: string; name: string; vote: "YES" | "NO" | "ABSTAIN" | "ABSENT" | "UNKNOWN" }[]) {
  return db().voteStage.create({
    data: { campaignId, key, position, body: "General Assembly", date: new Date("2015-12-17"), yes: 1, no: 1, abstain: 0, notVoting: 0, namesComplete: true, votes: { create: votes } },
  });
}

/**
 * Sends the queued mail to these addresses now, as the worker of a running app would (the test
 * processes share one database: each sends only its own addresses' mail).
 */
export async function sendQueuedMail(...emails: string[]): Promise<{ sent: number; failed: number }> {
  const { drainOutbox, recipientKey } = await import("@/lib/email/queue");
  const { canonicalEmail } = await import("@/lib/petition/normalise");
  return drainOutbox({ recipientKeys: emails.map((email) => recipientKey(canonicalEmail(email))) });
}
