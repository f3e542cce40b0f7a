import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";

// Data for service tests: each test makes its own, with unique keys, so tests never depend on order.

export function unique(prefix = "t"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
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
