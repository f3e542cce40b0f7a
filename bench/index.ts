// `npm run bench [-- --duration S --scale N --only a,b --skip-build]`
// Starts the production build on a fresh embedded PostgreSQL, runs each scenario against 127.0.0.1
// for a bounded time, prints every figure beside a baseline measured in the same run, and removes
// everything it started or wrote. See docs/benchmarks.md for what each figure means.
import os from "node:os";
import { parseArgs } from "node:util";
import { ensureBuild, startApp } from "./lib/app-server";
import { runWithCleanup } from "./lib/cleanup";
import type pg from "pg";
import { createContext, type Context, type Options } from "./lib/context";
import { benchPool, createEnvironment, type BenchEnvironment } from "./lib/environment";
import { statusMb } from "./lib/memory";
import { pagePrefix } from "./lib/site-paths";
import { renderNotes, renderTable, type Figure, type Note } from "./lib/report";
import { campaignPage } from "./scenarios/campaign-page";
import { csvExport } from "./scenarios/csv-export";
import { frontend } from "./scenarios/frontend";
import { instances } from "./scenarios/instances";
import { lighthouseScores } from "./scenarios/lighthouse";
import { scale } from "./scenarios/scale";
import { sharedCache } from "./scenarios/shared-cache";
import { signing } from "./scenarios/signing";

const SCENARIOS: Record<string, (ctx: Context) => Promise<void>> = {
  signing,
  page: campaignPage,
  scale,
  export: csvExport,
  frontend,
  lighthouse: lighthouseScores,
};
// Runs the reference deployment (nginx, two instances, PgBouncer: docs/scaling.md) on the same
// database, after the shared app has stopped; part of the default set.
const DEPLOYED = ["cache"];
// Runs its own servers on its own database, so it is not part of the default set.
const SEPARATE = ["instances"];

const USAGE = `npm run bench -- [--duration S] [--scale N] [--only ${[...Object.keys(SCENARIOS), ...DEPLOYED, ...SEPARATE].join(",")}] [--skip-build]`;

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      duration: { type: "string", default: "20" },
      scale: { type: "string", default: "1000000" },
      only: { type: "string" },
      "skip-build": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const seconds = Number(values.duration);
  const rows = Number(values.scale.replace(/[_,]/g, ""));
  const only = values.only ? values.only.split(",").map((name) => name.trim()).filter(Boolean) : null;
  const unknown = only?.filter((name) => !(name in SCENARIOS) && !DEPLOYED.includes(name) && !SEPARATE.includes(name)) ?? [];
  if (!(seconds > 0) || !(Number.isInteger(rows) && rows > 0) || unknown.length) {
    console.error(unknown.length ? `Unknown scenario: ${unknown.join(", ")}.` : "--duration and --scale must be positive numbers.");
    console.error(USAGE);
    process.exit(2);
  }
  return { seconds, scale: rows, only, build: !values["skip-build"] };
}

async function main(): Promise<number> {
  const options = parseOptions();
  const started = new Date();
  const log = (line: string) => console.log(line);
  log(`Advocate benchmark, ${started.toISOString()}: duration ${options.seconds} s, scale ${options.scale.toLocaleString("en-GB")} rows`);
  log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? "unknown"}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, load average ${loadAverage()}`);

  await ensureBuild(log, { skip: !options.build });
  const figures: Figure[] = [];
  const notes: Note[] = [];

  const wanted = options.only ?? [...Object.keys(SCENARIOS), ...DEPLOYED];
  const inShared = wanted.filter((name) => name in SCENARIOS);
  const deployed = wanted.filter((name) => DEPLOYED.includes(name));
  if (inShared.length || deployed.length) {
    log("setting up: fresh embedded PostgreSQL, migrations, seed, admin account");
    const environment = await createEnvironment(log);
    const db = benchPool(environment);
    if (inShared.length) await sharedApp(environment, db, inShared, options, { figures, notes }, log);
    // After the shared app has stopped: the deployment's two instances must not compete with it.
    if (deployed.includes("cache")) {
      log("\n## cache");
      const scenarioStarted = Date.now();
      await sharedCache({ figures, notes, options, log }, environment, db);
      log(`  (${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s, load average ${loadAverage()})`);
    }
  }
  if (wanted.includes("instances")) {
    log("\n## instances");
    await instances({ figures, notes, options, log });
  }

  log(`\n# Results (${started.toISOString()}, ${os.cpus().length} cores, Node ${process.version}, load average at the end ${loadAverage()})\n`);
  log(renderTable(figures));
  if (notes.length) log(`\n${renderNotes(notes)}`);
  const unmet = figures.filter((figure) => figure.goal && !figure.goal.met);
  log(`\nGoals: ${figures.filter((figure) => figure.goal?.met).length} met, ${unmet.length} not met${unmet.length ? ` (${unmet.map((figure) => figure.measure).join("; ")})` : ""}.`);
  return 0;
}

/** The scenarios that share one app server (started here, stopped at the end). */
async function sharedApp(environment: BenchEnvironment, db: pg.Pool, names: string[], options: Options, sink: { figures: Figure[]; notes: Note[] }, log: (line: string) => void): Promise<void> {
  const app = await startApp(environment, "app");
  const startedMb = statusMb(app.serverPid(), "VmRSS");
  log(`app: ${app.url} (pid ${app.serverPid()}, ${startedMb.toFixed(0)} MB resident after start, log ${app.logFile})`);
  const prefix = await pagePrefix(app.url);
  const ctx = createContext(environment, app, prefix, options, db, sink);
  for (const name of names) {
    log(`\n## ${name}`);
    const scenarioStarted = Date.now();
    await SCENARIOS[name]!(ctx);
    log(`  (${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s, server ${statusMb(app.serverPid(), "VmRSS").toFixed(0)} MB resident, load average ${loadAverage()})`);
  }
  // What the process kept after all of it (issue 16: at most 300 MB, so a small container is not killed).
  const afterMb = statusMb(app.serverPid(), "VmRSS");
  sink.figures.push({
    scenario: "memory",
    measure: `app server resident after ${names.join(", ")}`,
    value: afterMb,
    unit: "MB",
    baseline: { label: "resident after start", value: startedMb },
    goal: { text: "≤ 300 MB", met: afterMb <= 300 },
  });
  // The deployment and the two-instance check start their own servers: this one must not compete with them.
  await app.stop();
}

/** The 1, 5 and 15 minute load averages: other work on the machine skews every figure. */
function loadAverage(): string {
  return os.loadavg().map((value) => value.toFixed(2)).join(" ");
}

runWithCleanup(main);
