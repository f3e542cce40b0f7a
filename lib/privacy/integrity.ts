import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { confirmedCount } from "@/lib/petition/counts";
import type { SignatureReason } from "@/lib/generated/prisma/enums";
import { type SignatureStatus, UNCOUNTED_STATUSES, zeroCounts } from "@/lib/petition/states";

// The public integrity report: how many signatures are in each state and why, so that readers can
// judge the count. Moderators' own words are never published (they may name people): a reason set
// by a person shows as "moderator decision"; only the system's fixed reasons are shown as such.

/** Why a signature is not counted, as the report says it (keys of Integrity.reason), in the report's order. */
export const INTEGRITY_REASONS = ["rateLimit", "honeypot", "disposableEmail", "replayedProof", "withdrawnBySigner", "moderator", "unspecified"] as const;
export type IntegrityReason = (typeof INTEGRITY_REASONS)[number];

/** The report's words for each recorded reason; a signature without one shows as "no reason given". */
export const REASON_OF: Record<SignatureReason, IntegrityReason> = {
  RATE_LIMIT: "rateLimit",
  HONEYPOT: "honeypot",
  DISPOSABLE_EMAIL: "disposableEmail",
  REPLAYED_PROOF: "replayedProof",
  WITHDRAWN_BY_SIGNER: "withdrawnBySigner",
  MODERATOR: "moderator",
};

export type IntegrityReport = {
  counts: Record<SignatureStatus, number>;
  /** Per status (other than confirmed/pending): reason key -> count; "moderator" for people's decisions. */
  reasons: Partial<Record<SignatureStatus, Partial<Record<IntegrityReason, number>>>>;
  updatedAt: string;
};

// Every state but CONFIRMED is grouped from the rows (an index range per state); the confirmed number
// is the kept count the page shows (lib/petition/counts.ts), so the report never scans the confirmed
// rows, most of a campaign (bench at a million signatures: 337 ms for the whole GROUP BY).
const GROUPED = UNCOUNTED_STATUSES;

/** The report computed now (uncached); pages use getIntegrityReport. */
export async function computeIntegrityReport(campaignId: number): Promise<IntegrityReport> {
  const [rows, confirmed] = await Promise.all([
    db().signature.groupBy({ by: ["status", "reasonCode"], where: { campaignId, status: { in: [...GROUPED] } }, _count: { _all: true } }),
    confirmedCount(campaignId),
  ]);
  const report: IntegrityReport = {
    counts: { ...zeroCounts(), CONFIRMED: confirmed },
    reasons: {},
    updatedAt: new Date().toISOString(),
  };
  for (const row of rows) {
    report.counts[row.status] += row._count._all;
    if (row.status === "PENDING") continue;
    const key: IntegrityReason = row.reasonCode ? REASON_OF[row.reasonCode] : "unspecified";
    const byReason = (report.reasons[row.status] ??= {});
    byReason[key] = (byReason[key] ?? 0) + row._count._all;
  }
  return report;
}

export const integrityTag = (campaignId: number) => `integrity:${campaignId}`;

/**
 * Recomputed at most every 30 seconds per campaign, so a page view never groups the signatures itself;
 * changes that people make (withdrawal, moderation) refresh it at once with updateTag(integrityTag(id)).
 */
export function getIntegrityReport(campaignId: number): Promise<IntegrityReport> {
  return unstable_cache(computeIntegrityReport, ["integrity-report", String(campaignId)], { revalidate: 30, tags: [integrityTag(campaignId)] })(campaignId);
}
