// `npm run retention`: anonymises the signatures of campaigns closed longer than RETENTION_MONTHS
// (default 6). The server also runs it daily (lib/jobs/schedule.ts).
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { applyMigrations } from "../lib/database/migrations";
import { anonymiseExpiredCampaigns, retentionMonths } from "../lib/privacy/retention";
import { withDatabase } from "./lib/with-database";

async function main(): Promise<number> {
  const months = retentionMonths();
  return withDatabase(async (url) => {
    await applyMigrations(url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) });
    try {
      const report = await anonymiseExpiredCampaigns(prisma, { months });
      if (report.length === 0) console.log(`Nothing to anonymise (campaigns closed more than ${months} months ago are done).`);
      for (const row of report) console.log(`Anonymised ${row.signatures} signatures of ${row.slug}; counts by country kept.`);
      return 0;
    } finally {
      await prisma.$disconnect();
    }
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Retention failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  },
);
