// Database commands (package.json's db:* scripts):
//   migrate               apply pending migrations (= prisma migrate deploy)
//   create NAME           write a new migration from the changes to prisma/schema.prisma
//   drift                 exit 1 when prisma/migrations does not build exactly prisma/schema.prisma
//   seed                  apply pending migrations, then add the seed data that is missing
//   rolled-back NAME      mark a failed migration as rolled back (= prisma migrate resolve --rolled-back)
//   backup [FILE]         write a backup (default DATA_DIR/backups/advocate-<time>.backup.gz)
//   restore FILE [--force] replace the database with a backup; refuses a database holding data without --force
// Without DATABASE_URL, an embedded PostgreSQL is started on DATA_DIR (default .data/) for the command;
// backup and restore use the one `npm start` is running, when it is.
import path from "node:path";
import { backupDatabase, defaultBackupFile, restoreDatabase } from "../lib/database/backup";
import { EmbeddedDatabaseError } from "../lib/database/embedded";
import { applyMigrations, checkDrift, createMigration, markMigrationRolledBack } from "../lib/database/migrations";
import { runningEmbeddedUrl } from "./lib/running-embedded";
import { withDatabase } from "./lib/with-database";

const USAGE = "Usage: tsx scripts/db.ts migrate | create NAME | drift | seed | rolled-back NAME | backup [FILE] | restore FILE [--force]";

type Command = (url: string, arg: string | undefined, flags: Set<string>) => Promise<number>;
const dataDir = () => path.resolve(process.env.DATA_DIR ?? ".data");

const commands: Record<string, Command> = {
  async migrate(url) {
    const { applied } = await applyMigrations(url);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date: no migration to apply.");
    return 0;
  },

  async create(url, name) {
    const file = await createMigration(url, name!);
    console.log(file ? `Created ${path.relative(process.cwd(), file)}` : "prisma/schema.prisma has no changes: no migration created.");
    return 0;
  },

  async drift(url) {
    const { drift, sql } = await checkDrift(url);
    if (!drift) {
      console.log("No drift: prisma/migrations builds exactly prisma/schema.prisma.");
      return 0;
    }
    console.error("Drift: prisma/schema.prisma differs from what prisma/migrations builds. Create a migration with `npm run db:migration:create -- NAME`; it would contain:");
    console.error(sql.trim());
    return 1;
  },

  async seed(url) {
    const { applied } = await applyMigrations(url);
    if (applied.length) console.log(`Applied ${applied.length} migration(s) first: ${applied.join(", ")}`);
    const { seed } = await import("../lib/database/seed");
    const report = await seed(url);
    const created = [...report.campaignsCreated, ...report.translationsCreated, ...report.stagesCreated, ...report.lettersCreated];
    console.log(created.length ? `Seeded: ${created.join(", ")} (${report.votesCreated} country votes).` : "Seed data already present: nothing added.");
    return 0;
  },

  async backup(url, file) {
    const target = path.resolve(file ?? defaultBackupFile(dataDir()));
    const started = Date.now();
    const summary = await backupDatabase(url, target);
    const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`Backed up ${summary.tables.length} tables (${rows} rows) to ${path.relative(process.cwd(), target) || target} (${Math.ceil(summary.bytes / 1024)} KiB, ${((Date.now() - started) / 1000).toFixed(1)} s).`);
    console.log("The file holds signers' personal data: keep it as safe as the database (it is readable by its owner only).");
    return 0;
  },

  async restore(url, file, flags) {
    const summary = await restoreDatabase(url, path.resolve(file!), { force: flags.has("--force") });
    const rows = summary.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`Restored ${summary.tables.length} tables (${rows} rows) from ${file}.`);
    if (summary.migrationsAfterwards.length) console.log(`Then applied ${summary.migrationsAfterwards.length} newer migration(s): ${summary.migrationsAfterwards.join(", ")}`);
    return 0;
  },

  async "rolled-back"(url, name) {
    await markMigrationRolledBack(url, name!);
    console.log(`Marked ${name} as rolled back; run \`npm run db:migrate\` to apply it again.`);
    return 0;
  },
};

async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((word) => word.startsWith("--")));
  const [name, arg] = argv.filter((word) => !word.startsWith("--"));
  const command = name ? commands[name] : undefined;
  if (!command || ((name === "create" || name === "rolled-back" || name === "restore") && !arg)) {
    console.error(USAGE);
    return 2;
  }
  // A backup while `npm start` runs: use its PostgreSQL rather than fail on the data directory's lock.
  const running = (name === "backup" || name === "restore") && !process.env.DATABASE_URL ? runningEmbeddedUrl(dataDir()) : null;
  if (running) return command(running, arg, flags);
  return withDatabase((url) => command(url, arg, flags));
}

main(process.argv.slice(2)).then(
  // Exit explicitly: nothing should be left running, but a CLI must not linger if something is.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EmbeddedDatabaseError ? `Embedded PostgreSQL: ${error.message}` : `Failed: ${(error as Error).message ?? error}`);
    const hint = (error as { hint?: unknown }).hint;
    if (!(error instanceof EmbeddedDatabaseError) && typeof hint === "string") console.error(`What to do: ${hint}`);
    if (process.env.DEBUG) console.error(error);
    process.exit(1);
  },
);
