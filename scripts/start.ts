// `npm start`: everything a fresh machine needs to serve the app, step by step.
// Without DATABASE_URL it runs an embedded PostgreSQL whose data lives in DATA_DIR (default .data/).
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { Client } from "pg";
import { startEmbeddedPostgres } from "../lib/database/embedded";
import { applyMigrations } from "../lib/database/migrations";
import { seed } from "../lib/database/seed";
import { newAccountSchema } from "../lib/accounts/schema";
import { AccountExistsError, createAccountWithUrl } from "../lib/accounts/service";
import { paths } from "../lib/paths";
import { productionSecretProblems, ProductionSecretsError } from "../lib/secrets-policy";
import { buildIsCurrent, recordBuild, sourceHash } from "./lib/build-stamp";
import { authSecret } from "./lib/secrets";
import { serverCommand } from "./lib/server-command";
import { maskUrl, StepError, stepper } from "./lib/steps";

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
const external = process.env.DATABASE_URL || undefined;
const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

let stopDatabase: (() => Promise<void>) | undefined;
let server: ChildProcess | undefined;
let shuttingDown = false;

const { step, report } = stepper(7);

async function main() {
  console.log(`Advocate: starting (${external ? "external database" : `data in ${dataDir}`})`);
  // Before anything starts: `next start` is a production build, so APP_ENV=production means a real deployment.
  const unsafe = productionSecretProblems({ ...process.env, NODE_ENV: "production" });
  if (unsafe.length > 0) {
    console.error(`\n${new ProductionSecretsError(unsafe).message}`);
    process.exit(1);
  }

  await step(`Checking that port ${port} is free`, () => checkPortFree(port));

  const databaseUrl = external
    ? await step("Using the database in DATABASE_URL", async () => {
        console.log(`      ${maskUrl(external)} (no embedded PostgreSQL is started)`);
        return external;
      })
    : await step("Starting the embedded PostgreSQL (the first start creates it)", async () => {
        const database = await startEmbeddedPostgres({ dataDir, port: optionalPort(process.env.EMBEDDED_DB_PORT) });
        stopDatabase = database.stop;
        console.log(`      ${maskUrl(database.url)} (password in ${path.join(dataDir, "postgres-password")})`);
        return database.url;
      });

  await step("Checking that the database answers", () => ping(databaseUrl));

  await step("Applying migrations", async () => {
    const { applied } = await applyMigrations(databaseUrl);
    console.log(applied.length ? `      applied: ${applied.join(", ")}` : "      already up to date");
  });

  await step("Seeding (adds what is missing, never overwrites)", async () => {
    const result = await seed(databaseUrl);
    const created = [...result.campaignsCreated, ...result.translationsCreated, ...result.stagesCreated, ...result.lettersCreated];
    console.log(created.length ? `      created: ${created.join(", ")} (${result.votesCreated} country votes)` : "      nothing to add");
    await firstAdmin(databaseUrl);
  });

  await step("Checking the production build", async () => {
    const hash = sourceHash();
    if (buildIsCurrent(hash)) return console.log("      up to date");
    console.log("      sources changed: building (about 1–2 minutes on a small machine)…");
    await run(nextBin, ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
    recordBuild(hash);
  });

  await step(`Starting the web server on port ${port}`, async () => {
    const { command, args } = serverCommand(port, host);
    server = spawn(command, args, {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXT_TELEMETRY_DISABLED: "1",
        PORT: String(port),
        NEXTAUTH_SECRET: authSecret(dataDir),
        NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? process.env.APP_URL ?? `http://localhost:${port}`,
      },
    });
    server.on("exit", (code, signal) => {
      if (shuttingDown) return;
      console.error(`The web server stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
      void shutdown(1);
    });
      await waitUntilServing(port);
  });
  console.log(`\nReady: http://localhost:${port}  (Ctrl-C stops the app${external ? "" : " and its database"})`);
  console.log(mailNotice());
}

/** With ADMIN_EMAIL and ADMIN_PASSWORD set, the first start creates that admin account. */
async function firstAdmin(databaseUrl: string): Promise<void> {
  const email = process.env.ADMIN_EMAIL;
  if (!email) return;
  const parsed = newAccountSchema.safeParse({ email, password: process.env.ADMIN_PASSWORD ?? "", role: "ADMIN" });
  if (!parsed.success) {
    throw new StepError(
      "ADMIN_EMAIL is set but ADMIN_EMAIL/ADMIN_PASSWORD are not usable (a valid address and a password of at least 12 characters that is not common or easily guessed).",
      "Fix ADMIN_EMAIL and ADMIN_PASSWORD, or unset them and use `npm run admin:create`.",
    );
  }
  try {
    await createAccountWithUrl(databaseUrl, parsed.data);
    console.log(`      created the admin account ${parsed.data.email}`);
  } catch (error) {
    if (!(error instanceof AccountExistsError)) throw error;
    console.log(`      admin account ${parsed.data.email} already exists (its password is not changed)`);
  }
}

function mailNotice(): string {
  if (process.env.SMTP_URL) return `Mail: sent through ${maskUrl(process.env.SMTP_URL)}`;
  const outbox = path.join(path.resolve(process.env.DATA_DIR ?? ".data"), "outbox");
  const page = process.env.APP_ENV === "production" ? "" : ` or at http://localhost:${port}${paths.outbox()} (signed in as an admin)`;
  return `Mail: SMTP_URL is not set, so emails are not sent: read them in ${outbox}${page}`;
}

function optionalPort(value: string | undefined): number | undefined {
  return value ? Number(value) : undefined;
}

function checkPortFree(portToCheck: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      const taken = error.code === "EADDRINUSE";
      reject(
        new StepError(
          taken ? `Port ${portToCheck} is already in use by another program.` : `Cannot listen on port ${portToCheck}: ${error.message}`,
          `Stop the program using it, or choose another port, e.g. PORT=${portToCheck + 1} npm start`,
        ),
      );
    });
    probe.listen(portToCheck, host, () => probe.close(() => resolve()));
  });
}

async function ping(url: string): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new StepError(
      `The database at ${maskUrl(url)} does not answer: ${(error as Error).message}`,
      external
        ? "Check that PostgreSQL is running and that DATABASE_URL (host, port, user, password, database) is right."
        : `Check ${dataDir} and PostgreSQL's log above; to start from scratch, stop the app and move that directory away.`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env } });
    server = child;
    child.on("exit", (code, signal) => {
      server = undefined;
      if (code === 0) resolve();
      else reject(new StepError(`\`next ${args.join(" ")}\` failed (${signal ?? `exit code ${code}`}).`, "Read the build output above; `npm run typecheck` and `npm run lint` point at the source."));
    });
  });
}

async function waitUntilServing(portToWait: number): Promise<void> {
  for (let attempt = 0; attempt < 300 && !shuttingDown; attempt += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${portToWait}${paths.health()}`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new StepError("The web server did not become ready within a minute.", "Read the server output above.");
}

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) server.kill("SIGKILL");
  }
  if (stopDatabase) {
    console.log("Stopping the embedded PostgreSQL…");
    await stopDatabase().catch((error) => console.error(`Could not stop PostgreSQL cleanly: ${(error as Error).message}`));
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
  if (!report()) console.error(error);
  await shutdown(1);
});
