// `npm run test:faults`: the database restarts while people are signing (docs/decisions/013).
// The production build is served by the app's server (scripts/server.ts, as `npm start` runs it) over an embedded PostgreSQL that this script starts,
// stops and starts again on the same data directory and port, while signatures are submitted
// continuously the way a browser without JavaScript submits them. It checks that
//   - every signature whose submitter saw success (303 to the thanks page) is in the database;
//   - while the database is down, signing answers 503 with Retry-After and a "try again" text (no
//     hang, no stack trace, no 500), and so do /api/health, the public API and the campaign page;
//   - the app serves again within 5 s of the database's return, by itself;
//   - the server's log holds none of the signers' addresses or names;
//   - the server (scripts/server.ts) with APP_ENV=production and no secrets refuses to start, naming them;
//   - as a deployment (APP_ENV=production, an https APP_URL, strong secrets), its answers carry HSTS
//     and next-auth's cookies are __Host- prefixed, Secure, HttpOnly and SameSite=Lax, as a browser
//     receives them (lib/security/headers.test.ts and lib/auth/cookies.test.ts check the rules).
// Prints a line per check, writes .tmp/faults-report.json ({passed, failed, checks}) and exits 1 on a failure.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/database/embedded";
import { createAccountWithUrl } from "../lib/accounts/service";
import { applyMigrations } from "../lib/database/migrations";
import { seed } from "../lib/database/seed";
import { buildIsCurrent, recordBuild, sourceHash } from "./lib/build-stamp";
import { serverCommand } from "./lib/server-command";
import { type Attempt, leaksInternals, parseSignForm, probe, submit, succeeded } from "./lib/fault-client";
import { checkOutcome, type Check, type Timeline } from "./lib/fault-checks";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");
const WORKERS = 4;
const BEFORE_MS = 4_000;
const OUTAGE_MS = 4_000;
const AFTER_MS = 8_000;
const RUN = Date.now().toString(36);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number | null> {
  return new Promise((resolve) => spawn(command, args, { stdio: "inherit", env }).on("exit", resolve));
}

function startServer(env: NodeJS.ProcessEnv, port: number, log: string[]): ChildProcess {
  const { command, args } = serverCommand(port, "127.0.0.1");
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk) => log.push(String(chunk)));
  child.stderr!.on("data", (chunk) => log.push(String(chunk)));
  return child;
}

async function waitHealthy(baseUrl: string, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(200)) {
    if ((await probe(`${baseUrl}/api/health`)).status === 200) return true;
  }
  return false;
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** The server run with APP_ENV=production and no secrets must exit, naming them. */
async function refusesWithoutSecrets(env: NodeJS.ProcessEnv): Promise<Check> {
  const output: string[] = [];
  const child = startServer({ ...env, APP_ENV: "production", NEXTAUTH_SECRET: "", CLIENT_HASH_KEY: "", ALTCHA_HMAC_KEY: "", TOTP_ENCRYPTION_KEY: "" }, await freePort(), output);
  const code = await Promise.race([new Promise((resolve) => child.once("exit", resolve)), sleep(30_000).then(() => "still running")]);
  await stopServer(child);
  const text = output.join("");
  const ok = code === 1 && ["NEXTAUTH_SECRET", "CLIENT_HASH_KEY", "ALTCHA_HMAC_KEY", "TOTP_ENCRYPTION_KEY", "openssl rand -base64 32"].every((word) => text.includes(word));
  return { name: "the server with APP_ENV=production and no secrets exits 1 naming each secret", ok, detail: ok ? undefined : `exit ${String(code)}: ${text.slice(-600)}` };
}

/**
 * The app as deployed: APP_ENV=production, an https APP_URL (TLS ends at a proxy in front, so the
 * test talks to it over http), strong secrets. Its pages answer with HSTS, and every cookie next-auth
 * sets on the way through a staff sign-in is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, Path=/
 * and without Domain.
 */
async function deployedHeadersAndCookies(env: NodeJS.ProcessEnv, databaseUrl: string): Promise<Check[]> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const appUrl = "https://act.example.org";
  const secrets = Object.fromEntries(["NEXTAUTH_SECRET", "CLIENT_HASH_KEY", "ALTCHA_HMAC_KEY", "TOTP_ENCRYPTION_KEY"].map((name) => [name, randomBytes(32).toString("base64")]));
  const output: string[] = [];
  const child = startServer({ ...env, ...secrets, APP_ENV: "production", APP_URL: appUrl, NEXTAUTH_URL: appUrl }, port, output);
  try {
    if (!(await waitHealthy(base, 60_000))) return [{ name: "the app starts as a deployment (APP_ENV=production, https APP_URL)", ok: false, detail: output.join("").slice(-1500) }];
    const checks: Check[] = [];
    const hsts = await Promise.all(["/en", "/en/privacy", "/api/health"].map(async (path) => [path, (await fetch(`${base}${path}`, { redirect: "manual" })).headers.get("strict-transport-security")]));
    checks.push({
      name: "as a deployment on https, pages and routes answer with HSTS (max-age of 2 years)",
      ok: hsts.every(([, value]) => value === "max-age=63072000"),
      detail: JSON.stringify(hsts),
    });

    const staff = { email: `hsts-${randomUUID().slice(0, 8)}@staff.test`, name: null, role: "ADMIN" as const, password: `pw-${randomUUID()}` };
    await createAccountWithUrl(databaseUrl, staff);
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const cookies = csrf.headers.getSetCookie();
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: appUrl, "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.map((cookie) => cookie.split(";")[0]).join("; ") },
      body: new URLSearchParams({ csrfToken, email: staff.email, password: staff.password, json: "true" }),
    });
    cookies.push(...signIn.headers.getSetCookie());
    const names = cookies.map((cookie) => cookie.split("=")[0]!);
    const flaws = cookies.flatMap((cookie) => {
      const [pair, ...attributes] = cookie.split(";").map((part) => part.trim());
      const has = (pattern: RegExp) => attributes.some((attribute) => pattern.test(attribute));
      const missing = [
        !pair!.startsWith("__Host-") && "the __Host- prefix",
        !has(/^secure$/i) && "Secure",
        !has(/^httponly$/i) && "HttpOnly",
        !has(/^samesite=lax$/i) && "SameSite=Lax",
        !has(/^path=\/$/i) && "Path=/",
        has(/^domain=/i) && "no Domain",
      ].filter(Boolean);
      return missing.length ? [`${pair!.split("=")[0]} lacks ${missing.join(", ")}`] : [];
    });
    checks.push({
      name: `as a deployment on https, a staff sign-in's cookies are __Host-, Secure, HttpOnly, SameSite=Lax (${names.join(", ")})`,
      ok: names.includes("__Host-next-auth.session-token") && names.includes("__Host-next-auth.csrf-token") && flaws.length === 0,
      detail: flaws.join("; ") || `sign-in answered ${signIn.status}; cookies: ${names.join(", ") || "none"}`,
    });
    return checks;
  } finally {
    await stopServer(child);
  }
}

async function openCampaignSlug(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "Campaign" WHERE status = 'OPEN' ORDER BY id LIMIT 1`);
    if (!rows[0]) throw new Error("the seed created no open campaign");
    return rows[0].slug;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const began = Date.now();
  const tmp = path.join(root, ".tmp");
  mkdirSync(tmp, { recursive: true });
  chmodSync(tmp, 0o755);
  const dataDir = mkdtempSync(path.join(tmp, "faults-"));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as the `postgres` user when we are root
  const [appPort, dbPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${appPort}`;
  const serverLog: string[] = [];
  let database: RunningPostgres | undefined;
  let server: ChildProcess | undefined;
  const checks: Check[] = [];

  try {
    database = await startEmbeddedPostgres({ dataDir, port: dbPort });
    await applyMigrations(database.url);
    await seed(database.url);
    const hash = sourceHash();
    if (!buildIsCurrent(hash)) {
      console.log("faults: building the app (next build)…");
      if ((await run(nextBin, ["build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" })) !== 0) throw new Error("next build failed");
      recordBuild(hash);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      APP_URL: baseUrl,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: "fault-test-session-secret-0123456789abcdef",
      SMTP_URL: "",
      SCHEDULED_JOBS: "off",
      APP_ENV: "development",
      // The test plays a proxy in front of the app: each signer's address comes as X-Forwarded-For.
      TRUSTED_PROXY_HOPS: "1",
    };
    checks.push(await refusesWithoutSecrets(env));
    checks.push(...(await deployedHeadersAndCookies(env, database.url)));

    const setupDone = Date.now();
    server = startServer(env, appPort, serverLog);
    if (!(await waitHealthy(baseUrl, 60_000))) throw new Error(`the app did not become healthy:\n${serverLog.join("").slice(-2000)}`);
    const slug = await openCampaignSlug(database.url);
    const page = await probe(`${baseUrl}/en/c/${slug}`);
    if (page.status !== 200) throw new Error(`the campaign page answered ${page.status}`);
    const form = parseSignForm(page.body);
    console.log(`faults: setup ${((setupDone - began) / 1000).toFixed(1)} s; app up in ${elapsed(setupDone)}; signing with ${WORKERS} clients`);

    // The load: each worker signs again as soon as it has an answer.
    const attempts: Attempt[] = [];
    const probes: Awaited<ReturnType<typeof probe>>[] = [];
    let counter = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const n = ++counter;
        const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
        attempts.push(await submit(baseUrl, slug, form, { n, address, email: `fault-${RUN}-${n}@example.org`, fullName: `Faultsigner ${RUN}x${n}` }));
      }
    };
    const prober = async () => {
      while (!stop) {
        probes.push(...(await Promise.all([probe(`${baseUrl}/api/health`), probe(`${baseUrl}/api/campaigns/${slug}`), probe(`${baseUrl}/en/c/${slug}`)])));
        await sleep(250);
      }
    };
    const load = [...Array.from({ length: WORKERS }, worker), prober()];

    await sleep(BEFORE_MS);
    const timeline: Timeline = { stopBegan: Date.now(), stopEnded: 0, startBegan: 0, startEnded: 0, end: 0 };
    await database.stop();
    timeline.stopEnded = Date.now();
    console.log(`faults: PostgreSQL stopped (${timeline.stopEnded - timeline.stopBegan} ms)`);
    await sleep(OUTAGE_MS);
    timeline.startBegan = Date.now();
    database = await startEmbeddedPostgres({ dataDir, port: dbPort });
    timeline.startEnded = Date.now();
    console.log(`faults: PostgreSQL started again (${timeline.startEnded - timeline.startBegan} ms)`);
    await sleep(AFTER_MS);
    stop = true;
    await Promise.all(load);
    timeline.end = Date.now();

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const stored = new Set(
      (await client.query<{ email: string }>(`SELECT email FROM "Signature" WHERE email LIKE $1`, [`fault-${RUN}-%`])).rows.map((row) => row.email),
    );
    await client.end();
    checks.push(...checkOutcome({ attempts, probes, timeline, stored, slug, serverLog: serverLog.join(""), clients: WORKERS, succeeded, leaksInternals }));
  } catch (error) {
    checks.push({ name: "the fault test ran to the end", ok: false, detail: (error as Error).stack ?? String(error) });
  } finally {
    if (server) await stopServer(server);
    await database?.stop();
  }

  const failed = checks.filter((check) => !check.ok);
  for (const check of checks) console.log(`${check.ok ? "  ok  " : "  FAIL"} ${check.name}${check.detail && !check.ok ? `\n        ${check.detail.split("\n").join("\n        ")}` : ""}`);
  writeFileSync(path.join(tmp, "faults-report.json"), JSON.stringify({ passed: checks.length - failed.length, failed: failed.length, seconds: (Date.now() - began) / 1000, checks }, null, 2));
  if (failed.length === 0) rmSync(dataDir, { recursive: true, force: true });
  else writeFileSync(path.join(dataDir, "server.log"), serverLog.join(""));
  console.log(`faults: ${checks.length - failed.length} passed, ${failed.length} failed in ${elapsed(began)}${failed.length ? ` (data and server.log kept in ${dataDir})` : ""}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
