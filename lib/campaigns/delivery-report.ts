import "server-only";
import { db } from "@/lib/db";
import { acceptsConfirmations, confirmGraceHours, signingEndedAt } from "@/lib/petition/campaign-state";
import { countsByCountry, countsOverTime, type SeriesPoint } from "@/lib/petition/counts";
import { firstName } from "@/lib/petition/normalise";
import { publicCountryCounts, type PublicCountryCount } from "@/lib/petition/public-counts";
import { computeIntegrityReport, type IntegrityReport } from "@/lib/privacy/integrity";

// The hand-in record (issue 18): what a campaign hands to the decision-makers, to print or save as
// PDF. Only what the public pages already show (the count, the counts by country with small ones
// suppressed, the integrity figures, the count over time) and, when asked, the first names of the
// signers who chose to be shown. Never an email, a network or a full name.

/** At most this many first names are listed; the report says how many more chose to be shown. */
export const REPORT_NAMES_MAX = 5_000;

export type DeliveryReport = {
  generatedAt: Date;
  confirmed: number;
  byCountry: PublicCountryCount[];
  days: SeriesPoint[];
  integrity: IntegrityReport;
  /** When the campaign stopped taking signatures, and until when confirmations counted (null while open). */
  endedAt: Date | null;
  confirmationsUntil: Date | null;
  /** Still taking confirmations: the figure may still grow. */
  provisional: boolean;
  names: { shown: string[]; more: number } | null;
};

export async function getDeliveryReport(campaign: { id: number; status: "DRAFT" | "OPEN" | "CLOSED"; deadline: Date | null; closedAt: Date | null }, options: { names: boolean }, now = new Date()): Promise<DeliveryReport> {
  const grace = confirmGraceHours();
  const [{ rows, total }, days, integrity, names] = await Promise.all([
    countsByCountry(campaign.id),
    countsOverTime(campaign.id, "day"),
    computeIntegrityReport(campaign.id),
    options.names ? shownFirstNames(campaign.id) : Promise.resolve(null),
  ]);
  const endedAt = signingEndedAt(campaign, now);
  return {
    generatedAt: now,
    confirmed: total,
    byCountry: publicCountryCounts(rows),
    days,
    integrity,
    endedAt,
    confirmationsUntil: endedAt && new Date(endedAt.getTime() + grace * 3_600_000),
    provisional: acceptsConfirmations(campaign, grace, now),
    names,
  };
}

/** The first names of confirmed signers who chose to be shown, in the order they confirmed. */
async function shownFirstNames(campaignId: number): Promise<{ shown: string[]; more: number }> {
  const where = { campaignId, status: "CONFIRMED" as const, showName: true, anonymisedAt: null };
  const [rows, total] = await Promise.all([
    db().signature.findMany({ where, select: { fullName: true }, orderBy: [{ confirmedAt: "asc" }, { id: "asc" }], take: REPORT_NAMES_MAX }),
    db().signature.count({ where }),
  ]);
  return { shown: rows.map((row) => firstName(row.fullName)).filter(Boolean), more: Math.max(0, total - rows.length) };
}
