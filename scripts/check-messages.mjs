// `npx tsx scripts/check-messages.mjs [directory]`: compares every messages/<locale>.json with en.json and
// exits non-zero, listing them, when a key is missing or extra, a message does not parse, or a message's
// ICU arguments (placeholders, number and date formats, plural and select arguments, tags) differ from
// English. Warnings (key order, messages left in English) are printed but do not fail. The checking itself
// is scripts/lib/check-messages.ts, which scripts/check-messages.test.ts runs too (npm test); tsx loads it.
import path from "node:path";
import { checkMessageDirectory, formatReports } from "./lib/check-messages.ts";

const directory = path.resolve(process.argv[2] ?? "messages");
const reports = checkMessageDirectory(directory);
console.log(formatReports(reports));
const problems = reports.reduce((n, report) => n + report.problems.length, 0);
if (problems > 0) {
  console.error(`\n${problems} problem${problems === 1 ? "" : "s"} in ${reports.filter((r) => r.problems.length > 0).length} file(s).`);
  process.exitCode = 1;
} else {
  console.log(`\nAll ${reports.length} message files match ${path.relative(process.cwd(), path.join(directory, "en.json")) || "en.json"}.`);
}
