// Two app instances on one database, as behind a load balancer: signatures fired at both at once
// (the same person at both, too), then every confirmation link pressed, some at both instances at
// once. None may be lost, none duplicated, and both instances must show the one count the rows give.
// By default through the reference deployment (bench/lib/deployment.ts: nginx in front, PgBouncer
// behind): every request goes to nginx, which spreads them over the instances, and each signer's
// network is the address its connection comes from. "direct" mode talks to each instance itself and
// plays the proxy with X-Forwarded-For (how the check ran before the deployment existed).
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { startApp, type AppServer } from "../lib/app-server";
import type { Options } from "../lib/context";
import type pg from "pg";
import { byInstance, startDeployment, type Deployment } from "../lib/deployment";
import { benchPool, createEnvironment, type BenchEnvironment } from "../lib/environment";
import { confirmTokenFor } from "../lib/flow";
import { hiddenFields, multipart } from "../lib/html-form";
import { load, type LoadResult } from "../lib/load";
import type { Figure, Note } from "../lib/report";
import { campaignPath, pagePrefix } from "../lib/site-paths";
import { classify, fetchSignForm, headerOf, signer, signOnce, signRequest, type NetworkVia, type SignForm, type SignResult } from "../lib/signers";

const SCENARIO = "instances";
const UNIQUE = 200;
const SAME_AT_BOTH = 100;
const CONFIRM_AT_BOTH = 100;
const CONCURRENCY = 32;

type Sink = { figures: Figure[]; notes: Note[]; options: Options; log: (line: string) => void };

export type InstancesCheck = { failures: string[] };

export type InstancesMode = "deployment" | "direct";

/**
 * The correctness check; with `throughput`, also signing rate with one instance and with two. In
 * "deployment" mode (the default), when nginx or PgBouncer cannot be had here, it says so and runs
 * "direct".
 */
export async function instances(sink: Sink, options: { throughput?: boolean; mode?: InstancesMode } = { throughput: true }): Promise<InstancesCheck> {
  const log = (line: string) => sink.log(`  ${line}`);
  const environment = await createEnvironment(log);
  const db = benchPool(environment);
  // Reconciling often, so that the scheduled jobs run while confirmations are being counted (in the
  // deployment, on the first instance only, as deployed).
  const extra = { RECONCILE_INTERVAL_SECONDS: "3" };
  let deployment: Deployment | undefined;
  if ((options.mode ?? "deployment") === "deployment") {
    const started = await startDeployment(environment, log, { extraEnv: extra });
    if ("unavailable" in started) {
      log(`THE DEPLOYMENT CANNOT RUN HERE, so this check talks to the instances directly: ${started.unavailable}`);
      sink.notes.push({ scenario: SCENARIO, text: `not through the deployment (nginx and PgBouncer unavailable: ${started.unavailable}); direct mode.` });
    } else {
      deployment = started;
    }
  }
  const [a, b] = deployment ? [deployment.apps[0]!, deployment.apps[1]!] : await Promise.all([startApp(environment, "instance-a", extra), startApp(environment, "instance-b", extra)]);
  log(
    deployment
      ? `nginx ${deployment.url} → instance A ${a.url}, instance B ${b.url} → PgBouncer 127.0.0.1:${deployment.bouncer.port} → one database`
      : `instance A ${a.url}, instance B ${b.url}, one database (direct: no proxy, no pooler)`,
  );
  const failures: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
    log(`${ok ? "ok  " : "FAIL"} ${what}`);
  };

  const started = Date.now();
  const tag = `inst${Date.now().toString(36)}`;
  // Where each of "both instances" is reached: nginx twice (it spreads requests over the instances),
  // or each instance itself; and how a signer's network reaches the app.
  const [toA, toB] = deployment ? [deployment.url, deployment.url] : [a.url, b.url];
  const via: NetworkVia = deployment ? "source" : "header";
  const prefix = await pagePrefix(toA);
  const page = campaignPath(prefix, environment.slug);
  const forms = new Map<string, SignForm>([
    [toA, await fetchSignForm(toA, page)],
    [toB, await fetchSignForm(toB, page)],
  ]);
  const mark = await deployment?.mark();
  const results = new Map<SignResult, number>();
  const tally = (result: SignResult) => results.set(result, (results.get(result) ?? 0) + 1);
  const pairs: SignResult[][] = [];
  const jobs: (() => Promise<void>)[] = [];
  for (let n = 0; n < UNIQUE; n++) {
    const url = n % 2 ? toB : toA;
    jobs.push(async () => {
      tally(await signOnce(url, forms.get(url)!, signer(tag, n), via));
    });
  }
  for (let n = UNIQUE; n < UNIQUE + SAME_AT_BOTH; n++) {
    // The same person at both instances at the same moment, from two networks.
    const who = signer(tag, n);
    jobs.push(async () => {
      const both = await Promise.all([signOnce(toA, forms.get(toA)!, who, via), signOnce(toB, forms.get(toB)!, { ...who, network: `10.250.${n >> 8 & 255}.${n & 255}` }, via)]);
      pairs.push(both);
      both.forEach(tally);
    });
  }
  await pool(shuffle(jobs), CONCURRENCY);
  const signSeconds = (Date.now() - started) / 1000;
  if (deployment && mark) {
    const lines = await deployment.logSince(mark);
    const posts = byInstance(lines.app.filter((line) => line.includes('"POST ')), [a, b]);
    check(posts.get(a)! > 0 && posts.get(b)! > 0, `nginx spread the signing posts over both instances: A ${posts.get(a)}, B ${posts.get(b)}`);
    const errors = lines.front.filter((line) => /" 5\d\d /.test(line));
    check(errors.length === 0, `no 5xx answers from nginx${errors.length ? `: ${errors.slice(0, 3).join(" | ")}` : ""}`);
  }

  const expected = UNIQUE + SAME_AT_BOTH;
  const { rows: written } = await db.query<{ n: number; distinct: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT "emailCanonical")::int AS distinct FROM "Signature" WHERE email LIKE $1`,
    [`signer-${tag}-%`],
  );
  // Every attempt gets the same answer, new address or not (docs/decisions/021); the rows tell the rest.
  check(results.get("signed") === expected + SAME_AT_BOTH, `${expected + SAME_AT_BOTH} attempts answered alike (303 to /thanks): ${results.get("signed") ?? 0}`);
  check(pairs.every((pair) => pair.every((r) => r === "signed")), "each same-person pair: both attempts answered alike");
  check(written[0]!.n === expected && written[0]!.distinct === expected, `rows: ${written[0]!.n} for ${written[0]!.distinct} people (expected ${expected}, none lost or duplicated)`);
  // The instances run with TRUSTED_PROXY_HOPS=1: each signer's network is the last X-Forwarded-For
  // entry (written by nginx from the connection, or by the bench playing the proxy), and an entry the
  // client put before it changes nothing.
  const { rows: networks } = await db.query<{ n: number }>(`SELECT count(DISTINCT "clientHash")::int AS n FROM "Signature" WHERE email LIKE $1`, [`signer-${tag}-%`]);
  check(networks[0]!.n === expected, `${expected} signers from ${expected} networks stored under ${networks[0]!.n} network hashes`);
  const forged = [signer(`${tag}f`, 1), signer(`${tag}f`, 2)];
  await signOnce(toA, forms.get(toA)!, { ...forged[0]!, network: "10.251.0.1" }, via);
  await signOnce(toB, forms.get(toB)!, { ...forged[1]!, network: "6.6.6.6, 10.251.0.1" }, via);
  const { rows: forgedHashes } = await db.query<{ n: number }>(`SELECT count(DISTINCT "clientHash")::int AS n FROM "Signature" WHERE email LIKE $1`, [`signer-${tag}f-%`]);
  check(forgedHashes[0]!.n === 1, `a made-up first X-Forwarded-For entry is ignored (one network for both: ${forgedHashes[0]!.n})`);
  const others = [...results].filter(([kind]) => kind !== "signed");
  check(others.length === 0, `no other answers${others.length ? `: ${others.map(([k, n]) => `${k} ×${n}`).join(", ")}` : ""}`);

  // Confirm every signature through its mailed link, alternating instances; some at both at once. The
  // instances' workers send the queue; a pair's second attempt mailed a new link that replaced the first.
  const queueEmpty = await queueDrainedWithin(db, 60_000);
  check(queueEmpty, "the instances' mail workers sent every queued mail");
  const tokens = await liveConfirmTokens(db, await mailedTokens(environment, tag));
  // Through nginx the count JSON is cached (s-maxage=4): fill the cache with the count before the
  // confirmations, so that the check below sees how long the cache keeps the old one.
  if (deployment) await (await fetch(`${deployment.url}/api/campaigns/${environment.slug}`)).arrayBuffer();
  check(tokens.length === expected, `${expected} working confirmation links in the outbox (one per person): ${tokens.length}`);
  const confirmResults = new Map<string, number>();
  const confirmJobs = tokens.map((token, i) => async () => {
    const targets = i < CONFIRM_AT_BOTH ? [toA, toB] : [i % 2 ? toB : toA];
    const outcomes = await Promise.all(targets.map((url) => confirm(url, prefix, token)));
    for (const outcome of outcomes) confirmResults.set(outcome, (confirmResults.get(outcome) ?? 0) + 1);
  });
  await pool(shuffle(confirmJobs), CONCURRENCY);
  check(
    (confirmResults.get("confirmed") ?? 0) === tokens.length + Math.min(CONFIRM_AT_BOTH, tokens.length),
    `every confirm press answered "confirmed" (a second press says so too): ${[...confirmResults].map(([k, n]) => `${k} ×${n}`).join(", ")}`,
  );

  const counts = async () =>
    (
      await db.query<{ rows: number; shards: number }>(
        `SELECT (SELECT count(*)::int FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = $1 AND s.status = 'CONFIRMED') AS rows,
                (SELECT coalesce(sum(confirmed), 0)::int FROM "SignatureCount" n JOIN "Campaign" c ON c.id = n."campaignId" WHERE c.slug = $1) AS shards`,
        [environment.slug],
      )
    ).rows[0]!;
  const after = await counts();
  check(after.rows === expected, `confirmed rows: ${after.rows} (expected ${expected})`);
  check(after.shards === after.rows, `count rows add up to the confirmed rows, each counted once: ${after.shards}`);
  // Both instances must come to show that count (each has its own Next cache).
  const shown = await Promise.all([a, b].map((app) => shownWithin(app.url, environment.slug, after.rows, 30_000)));
  check(shown.every((s) => s.count === after.rows), `both instances' API show ${after.rows}: A ${shown[0]!.count} after ${shown[0]!.seconds.toFixed(1)} s, B ${shown[1]!.count} after ${shown[1]!.seconds.toFixed(1)} s`);
  if (deployment) {
    // Through nginx the count JSON comes from the shared cache (s-maxage=4), filled before the
    // confirmations: the new count must be there once that copy's lifetime is over.
    const cached = await shownWithin(deployment.url, environment.slug, after.rows, 30_000);
    check(cached.count === after.rows && cached.seconds <= 12, `through nginx's cache the API shows ${after.rows} within 12 s: ${cached.count} after ${cached.seconds.toFixed(1)} s`);
  }
  // Let the instances' scheduled reconciliation run (every 3 s) and check that it found nothing to fix.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  const reconciled = await counts();
  check(reconciled.shards === expected && reconciled.rows === expected, `after the scheduled reconciliation: count ${reconciled.shards}, rows ${reconciled.rows}`);
  const drift = (await Promise.all([a, b].map((app) => readLog(app)))).join("\n").match(/counts reconciled:.*$/gm) ?? [];
  check(drift.length === 0, `no reconciliation reported drift${drift.length ? `: ${drift.join(" | ")}` : ""}`);
  const elapsed = (Date.now() - started) / 1000;

  sink.figures.push({ scenario: SCENARIO, measure: "failed checks: lost, duplicated, miscounted (2 instances)", value: failures.length, unit: "", digits: 0, goal: { text: "0", met: failures.length === 0 } });
  const how = deployment ? "through nginx and PgBouncer (the reference deployment)" : "directly (no proxy, no pooler)";
  sink.notes.push({ scenario: SCENARIO, text: `${expected} people signed in ${signSeconds.toFixed(1)} s at two instances ${how} (${SAME_AT_BOTH} of them twice at once), all confirmed (${CONFIRM_AT_BOTH} pressed twice at once); check took ${elapsed.toFixed(0)} s; ${failures.length ? `FAILED: ${failures.join("; ")}` : "all checks passed"}.` });

  if (options.throughput) {
    // Straight to the instances (the load generator cannot send from many addresses; it plays nginx).
    const direct = new Map<AppServer, SignForm>([
      [a, await fetchSignForm(a.url, page)],
      [b, await fetchSignForm(b.url, page)],
    ]);
    await throughput(sink, a, b, direct, deployment ? " (through PgBouncer)" : "");
  }
  return { failures };
}

/** Signing throughput through one instance, then through both at once (each with half the connections). */
async function throughput(sink: Sink, a: AppServer, b: AppServer, forms: Map<AppServer, SignForm>, label: string): Promise<void> {
  const seconds = sink.options.seconds;
  let next = 8 << 20;
  const signing = (app: AppServer, tag: string) => ({
    method: "POST" as const,
    setupRequest: (request: object) => {
      const n = next++;
      const built = signRequest(forms.get(app)!, { ...signer(tag, n), network: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` }, app.url);
      return { ...request, method: "POST" as const, path: built.path, headers: built.headers, body: built.body };
    },
    onResponse: (status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
      if (classify(status, headerOf(headers, "location")) === "signed") taken += 1;
    },
  });
  let taken = 0;
  sink.log(`  signing throughput: one instance, 50 connections, ${seconds} s`);
  const one = await load({ url: a.url, connections: 50, seconds, request: signing(a, "one") });
  const oneRate = taken / one.seconds;
  taken = 0;
  sink.log(`  signing throughput: two instances, 25 connections each, ${seconds} s`);
  const both = await Promise.all([load({ url: a.url, connections: 25, seconds, request: signing(a, "two") }), load({ url: b.url, connections: 25, seconds, request: signing(b, "two") })]);
  const twoRate = taken / Math.max(both[0].seconds, both[1].seconds);
  sink.figures.push({ scenario: SCENARIO, measure: `signatures/s with two instances (one per core)${label}`, value: twoRate, unit: "req/s", baseline: { label: "one instance", value: oneRate } });
  const answers = (result: LoadResult) => Object.entries(result.statuses).map(([code, n]) => `${code}×${n}`).join(" ");
  sink.notes.push({ scenario: SCENARIO, text: `throughput answers: one instance ${answers(one)}; two instances ${answers(both[0])} and ${answers(both[1])}.` });
}

async function confirm(baseUrl: string, prefix: string, token: string): Promise<string> {
  const page = `${baseUrl}${prefix}/confirm/${encodeURIComponent(token)}`;
  const html = await (await fetch(page)).text();
  let fields: [string, string][];
  try {
    fields = hiddenFields(html);
  } catch {
    // A link already used (by the other instance a moment ago) shows no button: that is the answer.
    return html.includes("already confirmed") ? "confirmed" : "no-button";
  }
  const { text, contentType } = multipart(fields);
  const response = await fetch(page, { method: "POST", redirect: "manual", headers: { "content-type": contentType, origin: baseUrl }, body: text });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  return response.status === 303 && location.includes("result=confirmed") ? "confirmed" : `http-${response.status} ${location}`;
}

async function mailedTokens(environment: BenchEnvironment, tag: string): Promise<string[]> {
  const outbox = path.join(environment.dataDir, "outbox");
  const tokens: string[] = [];
  for (const name of await readdir(outbox)) {
    const token = await confirmTokenFor(path.join(outbox, name), tag);
    if (token) tokens.push(token);
  }
  return tokens;
}

async function queueDrainedWithin(db: pg.Pool, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MailOutbox" WHERE status = 'QUEUED'`);
    if (rows[0]!.n === 0) return true;
  }
  return false;
}

/** The links whose token is still stored unused (a later mail to the same person replaces an earlier link). */
async function liveConfirmTokens(db: pg.Pool, tokens: string[]): Promise<string[]> {
  const hashes = tokens.map((token) => createHash("sha256").update(token).digest("hex"));
  const { rows } = await db.query<{ tokenHash: string }>(`SELECT "tokenHash" FROM "SignatureToken" WHERE purpose = 'CONFIRM' AND "usedAt" IS NULL AND "tokenHash" = ANY($1)`, [hashes]);
  const live = new Set(rows.map((row) => row.tokenHash));
  return tokens.filter((_, i) => live.has(hashes[i]!));
}

async function shownWithin(baseUrl: string, slug: string, expected: number, ms: number): Promise<{ count: number; seconds: number }> {
  const started = Date.now();
  let count = -1;
  while (Date.now() - started < ms) {
    count = ((await (await fetch(`${baseUrl}/api/campaigns/${slug}`)).json()) as { confirmed: number }).confirmed;
    if (count === expected) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { count, seconds: (Date.now() - started) / 1000 };
}

async function readLog(app: AppServer): Promise<string> {
  const { readFile } = await import("node:fs/promises");
  return readFile(app.logFile, "utf8").catch(() => "");
}

async function pool(jobs: (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
