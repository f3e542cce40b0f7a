// `npm test`: type check, lint, unit and service tests (vitest, real PostgreSQL), end-to-end tests
// (Playwright in Chromium against the app started as `npm start` starts it), and the fault test
// (scripts/test-faults.ts: PostgreSQL restarted while people sign) and the two-instance check
// (bench/instances.ts). Ends with one plain line "N passed, N failed" counted from the runners' JSON
// reports. `npm test -- unit|e2e|static|faults|instances` runs a part.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";

const root = process.cwd();
const tmp = path.join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
chmodSync(tmp, 0o755);

const only = process.argv.slice(2); // e.g. `npm test -- unit` or `npm test -- e2e`
const wants = (part) => only.length === 0 || only.includes(part);

let passed = 0;
let failed = 0;

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  if (run(title, command, args)) passed += 1;
  else failed += 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

if (wants("static")) {
  check("type check", "npm", ["run", "--silent", "typecheck"]);
  check("lint", "npm", ["run", "--silent", "lint"]);
}

if (wants("unit")) {
  const report = path.join(tmp, "vitest-report.json");
  rmSync(report, { force: true });
  const ok = run("unit and service tests (vitest)", "npx", ["--no-install", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  const json = readJson(report);
  if (json) {
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    if (!ok && json.numFailedTests === 0) failed += 1; // a suite that failed to load, or a setup error
  } else {
    failed += 1;
  }
}

if (wants("e2e")) {
  const report = path.join(tmp, "playwright-report.json");
  rmSync(report, { force: true });
  const dataDir = mkdtempSync(path.join(tmp, "e2e-data-"));
  chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the `postgres` user when we are root
  const ok = run("end-to-end tests (Playwright, Chromium)", "npx", ["--no-install", "playwright", "test"], {
    E2E_DATA_DIR: dataDir,
    E2E_PORT: String(await freePort()),
    E2E_SMTP_PORT: String(await freePort()),
    E2E_DB_PORT: String(await freePort()),
  });
  const json = readJson(report);
  if (json?.stats) {
    passed += json.stats.expected + json.stats.flaky;
    failed += json.stats.unexpected;
    if (!ok && json.stats.unexpected === 0) failed += 1; // the server did not start, or a global error
  } else {
    failed += 1;
  }
  if (ok && existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
}

// After the end-to-end tests, so the production build is current.
if (wants("faults")) {
  const report = path.join(tmp, "faults-report.json");
  rmSync(report, { force: true });
  const ok = run("fault test (PostgreSQL restarts while people sign)", "npm", ["run", "--silent", "test:faults"]);
  const json = readJson(report);
  if (json) {
    passed += json.passed;
    failed += json.failed;
    if (!ok && json.failed === 0) failed += 1;
  } else {
    failed += 1;
  }
}

// Two app instances on one database take signatures at once: none lost, none duplicated, one count.
// Through the reference deployment (nginx and PgBouncer, installed from Debian's packages when missing).
if (wants("instances")) check("two instances behind nginx and PgBouncer (bench/instances.ts)", "npm", ["run", "--silent", "bench:instances"]);

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
