import type { PrismaClient } from "@/lib/generated/prisma/client";

// Personal data of a closed campaign is removed after a retention period; what remains are the
// signatures' country and status (so the counts by country and the integrity report are unchanged)
// and the audit trail. Runs from `npm run retention` and on a schedule in the server (lib/jobs).
// Plain module (no "server-only"): the command line runs it through tsx with its own client.

export const DEFAULT_RETENTION_MONTHS = 6;

export function retentionMonths(): number {
  const value = Number(process.env.RETENTION_MONTHS ?? DEFAULT_RETENTION_MONTHS);
  if (!Number.isFinite(value) || value < 0) throw new Error("RETENTION_MONTHS must be a number of months, 0 or more.");
  return value;
}

function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() - Math.floor(months));
  result.setUTCDate(result.getUTCDate() - Math.round((months % 1) * 30));
  return result;
}

export type RetentionReport = { campaignId: number; slug: string; signatures: number }[];

/**
 * Anonymises every campaign that closed (status CLOSED, or its deadline passed) more than `months`
 * ago and is not anonymised yet (only among `campaignIds` when given). Each campaign is one
 * transaction with its audit entry.
 */
export async function anonymiseExpiredCampaigns(prisma: PrismaClient, options: { now?: Date; months?: number; campaignIds?: number[] } = {}): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const cutoff = monthsBefore(now, options.months ?? retentionMonths());
  const due = await prisma.campaign.findMany({
    where: {
      anonymisedAt: null,
      ...(options.campaignIds ? { id: { in: options.campaignIds } } : {}),
      OR: [{ status: "CLOSED", closedAt: { lte: cutoff } }, { deadline: { lte: cutoff } }],
    },
    select: { id: true, slug: true },
  });
  const report: RetentionReport = [];
  for (const campaign of due) {
    const signatures = await prisma.$transaction(
      async (tx) => {
        await tx.signatureToken.deleteMany({ where: { signature: { campaignId: campaign.id } } });
        const changed = await tx.$executeRaw`
          UPDATE "Signature" SET "fullName" = '', email = '', "emailCanonical" = 'anonymised:' || id, comment = NULL,
            "clientHash" = NULL, "referralCode" = NULL, "utmSource" = NULL, "showName" = false, "mayContact" = false,
            "anonymisedAt" = ${now}, "updatedAt" = ${now}
          WHERE "campaignId" = ${campaign.id} AND "anonymisedAt" IS NULL`;
        await tx.campaign.update({ where: { id: campaign.id }, data: { anonymisedAt: now } });
        await tx.auditEntry.create({
          data: { action: "campaign.anonymise", campaignId: campaign.id, count: changed, details: { cutoff: cutoff.toISOString() } },
        });
        return changed;
      },
      { timeout: 600_000 },
    );
    report.push({ campaignId: campaign.id, slug: campaign.slug, signatures });
  }
  return report;
}
