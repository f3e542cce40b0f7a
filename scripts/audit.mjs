// `npm run audit`: `npm audit --omit=dev --audit-level=high`, for CI. Fails on high or critical
// advisories in production dependencies. When the advisory service cannot be reached (some registry
// mirrors refuse its POST endpoint: 405), it says so plainly and exits 0 — "not checked" is reported,
// never passed off as "no advisories". Set AUDIT_REQUIRED=1 to fail in that case too.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { atLeast } from "./lib/version.mjs";

// Checked whatever the advisory service says: the App Router advisories are fixed from Next 16.4.3.
const NEXT_MINIMUM = "16.4.3";
const nextVersion = JSON.parse(readFileSync("node_modules/next/package.json", "utf8")).version;
if (!atLeast(nextVersion, NEXT_MINIMUM)) {
  console.error(`next ${nextVersion} is older than ${NEXT_MINIMUM}, which fixes the known App Router advisories.`);
  process.exit(1);
}
console.log(`next ${nextVersion}: at or above ${NEXT_MINIMUM}.`);

const result = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8" });
let report = null;
try {
  report = JSON.parse(result.stdout);
} catch {
  // not JSON: handled below
}

const vulnerabilities = report?.metadata?.vulnerabilities;
if (vulnerabilities) {
  const high = (vulnerabilities.high ?? 0) + (vulnerabilities.critical ?? 0);
  console.log(`npm audit (production dependencies): ${JSON.stringify(vulnerabilities)}`);
  if (high > 0) {
    spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high"], { stdio: "inherit" });
    console.error(`npm audit: ${high} high or critical advisories. Update the packages named above.`);
    process.exit(1);
  }
  console.log("npm audit: no high or critical advisories.");
  process.exit(0);
}

const why = `${report?.error?.summary ?? ""} ${result.stderr ?? ""}`.trim().split("\n").slice(0, 3).join(" ");
console.warn(`npm audit: NOT CHECKED — the advisory service could not be reached (${why || `exit ${result.status}`}).`);
process.exit(process.env.AUDIT_REQUIRED === "1" ? 1 : 0);
