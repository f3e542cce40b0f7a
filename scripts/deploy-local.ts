// `npm run deploy:local`: the reference deployment of docs/scaling.md on this machine. nginx (reverse
// proxy and shared cache) in front of two app instances, PgBouncer (transaction pooling) between them
// and PostgreSQL: the embedded one in DATA_DIR as `npm start` runs it, or DATABASE_URL. Installs nginx
// and PgBouncer from Debian's packages when missing (as root). Ctrl-C stops everything it started.
//
// Environment: PORT (nginx, default 8080), HOST (default 0.0.0.0), DATA_DIR (default .data),
// DATABASE_URL, APP_URL (the public address, default http://localhost:PORT), INSTANCES (default 2),
// PGBOUNCER_PORT and PGBOUNCER_POOL_SIZE (default 20), TRUSTED_PROXY_HOPS (default 1: nginx is the
// one proxy; 2 with a load balancer in front of it), TRUSTED_PROXIES (default 127.0.0.1).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrations";
import { seed } from "../lib/database/seed";
import { productionSecretProblems, ProductionSecretsError } from "../lib/secrets-policy";
import { buildIsCurrent, recordBuild, sourceHash } from "./lib/build-stamp";
import {
  DeploymentUnavailableError,
  ensurePackages,
  freePort,
  sharedKeys,
  startNginx,
  startPgBouncer,
  supervise,
  tailOf,
  unprivilegedUser,
  type Supervised,
} from "./lib/deployment";
import { runningEmbeddedUrl } from "./lib/running-embedded";
import { serverCommand } from "./lib/server-command";
import { maskUrl, StepError, stepper } from "./lib/steps";

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? "0.0.0.0";
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const deployDir = path.join(dataDir, "deploy");
const external = process.env.DATABASE_URL || undefined;
const instanceCount = Number(process.env.INSTANCES ?? 2);
const publicUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

/** Undo steps, newest first. */
const running: { label: string; stop: () => Promise<void> }[] = [];
let shuttingDown = false;

const { step, report } = stepper(7);

async function main() {
  console.log(`Advocate, reference deployment: nginx → ${instanceCount} app instances → PgBouncer → PostgreSQL (${external ? "DATABASE_URL" : `embedded, data in ${dataDir}`})`);
  const unsafe = productionSecretProblems({ ...process.env, NODE_ENV: "production" });
  if (unsafe.length > 0) {
    console.error(`\n${new ProductionSecretsError(unsafe).message}`);
    process.exit(1);
  }
  if (!Number.isInteger(instanceCount) || instanceCount < 1 || instanceCount > 16) throw new StepError(`INSTANCES must be a number from 1 to 16, got "${process.env.INSTANCES}".`, "Unset it for two.");
  const hops = process.env.TRUSTED_PROXY_HOPS?.trim() || "1";
  if (!/^\d+$/.test(hops) || Number(hops) < 1) {
    throw new StepError(`TRUSTED_PROXY_HOPS is ${hops}, but behind nginx the app must count at least nginx's hop.`, "Unset it (1: nginx is the one proxy), or set 2 with a load balancer or CDN in front of nginx.");
  }

  await step("Checking that nginx and PgBouncer are installed", async () => {
    try {
      const found = await ensurePackages((line) => console.log(`      ${line}`));
      console.log(`      ${found.nginx}, ${found.pgbouncer}`);
    } catch (error) {
      if (error instanceof DeploymentUnavailableError) throw new StepError(error.message, error.hint);
      throw error;
    }
  });

  const directUrl = external
    ? await step("Using the database in DATABASE_URL", async () => {
        console.log(`      ${maskUrl(external)}`);
        return external;
      })
    : await step("Starting the embedded PostgreSQL (or using the one `npm start` runs)", async () => {
        const already = runningEmbeddedUrl(dataDir);
        if (already) {
          console.log(`      already running: ${maskUrl(already)}`);
          return already;
        }
        const database = await startEmbeddedPostgres({ dataDir, port: process.env.EMBEDDED_DB_PORT ? Number(process.env.EMBEDDED_DB_PORT) : undefined });
        running.unshift({ label: "the embedded PostgreSQL", stop: database.stop });
        console.log(`      ${maskUrl(database.url)}`);
        return database.url;
      });

  // After the database step, which creates DATA_DIR the way PostgreSQL needs it.
  mkdirSync(deployDir, { recursive: true });

  await step("Applying migrations and the seed (directly, not through PgBouncer)", async () => {
    await ping(directUrl);
    const { applied } = await applyMigrations(directUrl);
    console.log(applied.length ? `      applied: ${applied.join(", ")}` : "      migrations up to date");
    const seeded = await seed(directUrl);
    const created = [...seeded.campaignsCreated, ...seeded.translationsCreated, ...seeded.stagesCreated, ...seeded.lettersCreated];
    console.log(created.length ? `      seeded: ${created.join(", ")}` : "      seed: nothing to add");
  });

  await step("Checking the production build (one build for every instance)", async () => {
    const hash = sourceHash();
    if (buildIsCurrent(hash)) return console.log("      up to date");
    console.log("      sources changed: building (about 1–2 minutes on a small machine)…");
    const build = supervise("next build", nextBin, ["build"], { logFile: path.join(deployDir, "build.log"), env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, echo: (line) => console.log(`      ${line}`) });
    running.unshift({ label: "next build", stop: build.stop });
    await new Promise<void>((resolve, reject) => build.onExit(() => (build.exitCode() === 0 ? resolve() : reject(new StepError("`next build` failed.", "Read the build output above.")))));
    running.shift();
    recordBuild(hash);
  });

  const bouncer = await step("Starting PgBouncer (transaction pooling)", async () => {
    const started = await startPgBouncer({
      dir: path.join(deployDir, "pgbouncer"),
      serverUrl: directUrl,
      port: process.env.PGBOUNCER_PORT ? Number(process.env.PGBOUNCER_PORT) : undefined,
      poolSize: process.env.PGBOUNCER_POOL_SIZE ? Number(process.env.PGBOUNCER_POOL_SIZE) : undefined,
      runAs: unprivilegedUser(external ? undefined : path.join(dataDir, "postgres")),
    });
    watch(started);
    running.unshift({ label: "PgBouncer", stop: started.stop });
    console.log(`      127.0.0.1:${started.port} (log ${started.logFile})`);
    return started;
  });

  const instances = await step(`Starting ${instanceCount} app instances on 127.0.0.1 (through PgBouncer)`, async () => {
    const keys = sharedKeys(dataDir);
    const started: { port: number; server: Supervised }[] = [];
    for (let n = 1; n <= instanceCount; n++) {
      const appPort = await freePort();
      const { command, args } = serverCommand(appPort, "127.0.0.1");
      const server = supervise(`app ${n}`, command, args, {
        logFile: path.join(deployDir, `app-${n}.log`),
        echo: (line) => console.log(`[app ${n}] ${line}`),
        env: {
          ...process.env,
          ...keys,
          DATABASE_URL: bouncer.url,
          DATA_DIR: dataDir,
          NEXT_TELEMETRY_DISABLED: "1",
          PORT: String(appPort),
          APP_URL: publicUrl,
          NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? publicUrl,
          TRUSTED_PROXY_HOPS: hops,
          TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? "127.0.0.1",
          // Count reconciliation and retention on the first instance only (docs/scaling.md).
          ...(n > 1 ? { SCHEDULED_JOBS: "off" } : {}),
        },
      });
      watch(server);
      running.unshift({ label: `app ${n}`, stop: server.stop });
      started.push({ port: appPort, server });
    }
    await Promise.all(started.map(({ port: appPort, server }) => waitUntilHealthy(appPort, server)));
    console.log(`      ${started.map(({ port: appPort }, i) => `app ${i + 1} on 127.0.0.1:${appPort}`).join(", ")}`);
    return started;
  });

  const nginx = await step(`Starting nginx on ${host}:${port} (reverse proxy and shared cache)`, async () => {
    const started = await startNginx({ dir: path.join(deployDir, "nginx"), host, port, upstreams: instances.map(({ port: appPort }) => `127.0.0.1:${appPort}`) });
    watch(started);
    running.unshift({ label: "nginx", stop: started.stop });
    const response = await fetch(`${started.url}/api/health`);
    if (!response.ok) throw new StepError(`Through nginx, /api/health answered ${response.status}.`, `Read ${path.join(started.dir, "error.log")} and the instances' output above.`);
    console.log(`      configuration and logs in ${started.dir}`);
    return started;
  });

  console.log(`\nReady: ${publicUrl}  (nginx ${nginx.url}; Ctrl-C stops everything this started)`);
  console.log(`Logs: ${deployDir}/{app-N.log,nginx/access.log,nginx/error.log,pgbouncer/pgbouncer.log}`);
}

/** A part that stops by itself takes the whole deployment down, saying which and why. */
function watch(part: Supervised): void {
  part.onExit((description) => {
    if (shuttingDown) return;
    console.error(`\n${description}\n${tailOf(part.logFile, 10)}`);
    void shutdown(1);
  });
}

async function waitUntilHealthy(appPort: number, server: Supervised): Promise<void> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 200))) {
    if (server.exitCode() !== null) throw new StepError(`${server.name} exited while starting.`, `Read its output above (also in ${server.logFile}).`);
    try {
      if ((await fetch(`http://127.0.0.1:${appPort}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
  }
  throw new StepError(`${server.name} did not become healthy within 90 s.`, `Read its output above (also in ${server.logFile}).`);
}

async function ping(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new StepError(`The database at ${maskUrl(url)} does not answer: ${(error as Error).message}`, "Check that PostgreSQL is running and that DATABASE_URL is right.");
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const part of [...running]) {
    console.log(`Stopping ${part.label}…`);
    await part.stop().catch((error) => console.error(`Could not stop ${part.label} cleanly: ${(error as Error).message}`));
  }
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.log(`\nReceived ${signal}: stopping…`);
    void shutdown(0);
  });
}

main().catch(async (error) => {
  if (!report()) console.error(error instanceof StepError ? `${error.message}\nWhat to do: ${error.hint}` : error);
  await shutdown(1);
});
