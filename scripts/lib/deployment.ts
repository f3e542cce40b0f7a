// The reference deployment's parts on this machine (docs/scaling.md): nginx and PgBouncer from
// Debian's packages, each run in the foreground from the templates in deploy/, with everything they
// write under one directory of their own. `npm run deploy:local` (scripts/deploy-local.ts) and the
// benchmark (bench/lib/deployment.ts) start them through these functions.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, chownSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { parse } from "pg-connection-string";

const TEMPLATES = path.join(process.cwd(), "deploy");
export const PACKAGES = ["nginx", "pgbouncer"] as const;

/** nginx or PgBouncer is missing and cannot be installed here: the caller says so and stops (or skips). */
export class DeploymentUnavailableError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "DeploymentUnavailableError";
  }
}

const isRoot = () => process.getuid?.() === 0;

/** A program on PATH or in the sbin directories (not on a normal user's PATH on Debian). */
export function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/sbin", "/usr/local/sbin"].filter(Boolean);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Makes sure nginx and PgBouncer are installed: as root with apt-get, Debian's packages (nginx 1.22
 * and pgbouncer 1.18 on Debian 12). Otherwise a DeploymentUnavailableError says what to run.
 */
export async function ensurePackages(log: (line: string) => void): Promise<{ nginx: string; pgbouncer: string }> {
  const missing = PACKAGES.filter((name) => !findProgram(name));
  if (missing.length) {
    const list = missing.join(" and ");
    const command = `apt-get install -y ${missing.join(" ")}`;
    if (!isRoot()) {
      throw new DeploymentUnavailableError(`${list} ${missing.length > 1 ? "are" : "is"} not installed, and installing needs root.`, `Run "sudo ${command}" (Debian or Ubuntu), or run this as root, and try again.`);
    }
    if (!findProgram("apt-get")) {
      throw new DeploymentUnavailableError(`${list} ${missing.length > 1 ? "are" : "is"} not installed, and there is no apt-get here to install ${missing.length > 1 ? "them" : "it"}.`, "Install nginx and PgBouncer with this system's package manager and try again.");
    }
    log(`installing ${missing.join(", ")} with apt-get (Debian's packages, ~10 s)…`);
    const install = ["-o", "DPkg::Lock::Timeout=120", "install", "-y", "-q", "--no-install-recommends", ...missing];
    let result = await runQuietly("apt-get", install);
    if (result.code !== 0) {
      // A fresh machine has no package lists yet.
      log("apt-get install failed; updating the package lists and trying again…");
      await runQuietly("apt-get", ["-o", "DPkg::Lock::Timeout=120", "update", "-q"]);
      result = await runQuietly("apt-get", install);
    }
    if (result.code !== 0) {
      throw new DeploymentUnavailableError(`apt-get could not install ${list}:\n${result.output.slice(-1_500)}`, `Run "${command}" by hand and read its output.`);
    }
  }
  const nginx = findProgram("nginx");
  const pgbouncer = findProgram("pgbouncer");
  if (!nginx || !pgbouncer) throw new DeploymentUnavailableError("nginx or PgBouncer is still missing after installing them.", "Install them by hand (apt-get install nginx pgbouncer).");
  return { nginx, pgbouncer };
}

function runQuietly(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    const output: string[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
    child.on("error", (error) => resolve({ code: -1, output: error.message }));
    child.on("exit", (code) => resolve({ code, output: output.join("") }));
  });
}

/** Fills the {{name}} placeholders of a template in deploy/; a placeholder without a value is an error. */
export function renderTemplate(relativePath: string, values: Record<string, string>): string {
  const text = readFileSync(path.join(TEMPLATES, relativePath), "utf8");
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/${relativePath}: no value for {{${name}}}`);
    return value;
  });
}

export async function freePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------------
// Processes

export type Supervised = {
  name: string;
  pid: number;
  logFile: string;
  /** Set when the process has ended. */
  exitCode: () => number | null | "signal";
  /** Stops it (politely, then firmly); resolves once it has exited. */
  stop: () => Promise<void>;
  onExit: (listener: (description: string) => void) => void;
};

/** Runs a program in the foreground with its output in `logFile`; `stopSignal` first, SIGKILL after `graceMs`. */
export function supervise(
  name: string,
  command: string,
  args: string[],
  options: { logFile: string; env?: NodeJS.ProcessEnv; cwd?: string; stopSignal?: NodeJS.Signals; graceMs?: number; echo?: (line: string) => void },
): Supervised {
  const log = createWriteStream(options.logFile, { flags: "a" });
  // In our process group (not detached): a terminal's Ctrl-C reaches it too, even if we were killed.
  const child: ChildProcess = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: options.env ?? process.env, cwd: options.cwd });
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.pipe(log, { end: false });
    if (options.echo) {
      let partial = "";
      stream.on("data", (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split("\n");
        partial = lines.pop() ?? "";
        for (const line of lines) if (line.trim()) options.echo!(line);
      });
    }
  }
  let ended: number | "signal" | null = null;
  let how = "";
  const exited = new Promise<void>((resolve) => {
    child.once("exit", (code, signal) => {
      ended = code ?? "signal";
      how = signal ? `killed by ${signal}` : `exit code ${code}`;
      resolve();
    });
    child.once("error", (error) => {
      log.write(`${name}: ${error.message}\n`);
      ended = -1;
      resolve();
    });
  });
  const listeners: ((description: string) => void)[] = [];
  let stopping = false;
  void exited.then(() => {
    log.end();
    if (!stopping) for (const listener of listeners) listener(`${name} (pid ${child.pid}) exited by itself (${how}); its log: ${options.logFile}`);
  });
  return {
    name,
    pid: child.pid ?? -1,
    logFile: options.logFile,
    exitCode: () => ended,
    onExit: (listener) => listeners.push(listener),
    stop: async () => {
      stopping = true;
      if (ended !== null) return;
      const send = (signal: NodeJS.Signals) => {
        try {
          child.kill(signal);
        } catch {
          // already gone
        }
      };
      send(options.stopSignal ?? "SIGTERM");
      const timer = setTimeout(() => send("SIGKILL"), options.graceMs ?? 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export function tailOf(file: string, lines = 20): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function waitFor(what: string, child: Supervised, ready: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const code = child.exitCode();
    if (code !== null) throw new Error(`${what} exited at start (${code === "signal" ? "killed" : `exit code ${code}`}):\n${tailOf(child.logFile)}`);
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become ready within ${ms / 1000} s:\n${tailOf(child.logFile)}`);
}

// ---------------------------------------------------------------------------------------------------
// Users: nginx's workers and PgBouncer must not run as root.

function userIds(name: string): { uid: number; gid: number } | null {
  try {
    for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
      const [user, , uid, gid] = line.split(":");
      if (user === name) return { uid: Number(uid), gid: Number(gid) };
    }
  } catch {
    // no /etc/passwd
  }
  return null;
}

function userName(uid: number): string | null {
  try {
    for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
      const [user, , id] = line.split(":");
      if (Number(id) === uid && user) return user;
    }
  } catch {
    // no /etc/passwd
  }
  return null;
}

/**
 * The user PgBouncer runs as when we are root: the owner of `ownerOf` (the embedded PostgreSQL's
 * cluster directory, owned by the `postgres` user it runs as), else `postgres`, else `nobody`.
 */
export function unprivilegedUser(ownerOf?: string): string {
  if (ownerOf && existsSync(ownerOf)) {
    const owner = userName(statSync(ownerOf).uid);
    if (owner && owner !== "root") return owner;
  }
  return userIds("postgres") ? "postgres" : "nobody";
}

// ---------------------------------------------------------------------------------------------------
// PgBouncer

export type PgBouncer = Supervised & { url: string; port: number; dir: string };

export type PgBouncerOptions = {
  /** Holds pgbouncer.ini, the auth file and the log. */
  dir: string;
  /** PostgreSQL itself (with user and password): where PgBouncer connects. */
  serverUrl: string;
  port?: number;
  /** Server connections (default_pool_size). */
  poolSize?: number;
  maxClientConnections?: number;
  /** As root: the user to run as (PgBouncer refuses root). */
  runAs?: string;
  program?: string;
};

/** libpq's key=value quoting, which PgBouncer's [databases] section reads. */
function connValue(value: string): string {
  return /^[\w.\-/]+$/.test(value) ? value : `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Starts PgBouncer in transaction pooling in front of `serverUrl`; returns the URL to give the app. */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const server = parse(options.serverUrl);
  const user = server.user ?? "";
  const password = server.password ?? "";
  const database = server.database ?? "";
  if (!user || !password || !database) {
    throw new DeploymentUnavailableError(
      "PgBouncer needs the database's user, password and name from DATABASE_URL, and one of them is missing.",
      "Give DATABASE_URL as postgresql://USER:PASSWORD@HOST:PORT/DATABASE.",
    );
  }
  const dir = path.resolve(options.dir);
  mkdirSync(dir, { recursive: true });
  const port = options.port ?? (await freePort());
  const authFile = path.join(dir, "userlist.txt");
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  writeFileSync(authFile, `${quote(user)} ${quote(password)}\n`, { mode: 0o600 });
  // TLS between PgBouncer and PostgreSQL as the URL asks for it (the app talks to PgBouncer on loopback).
  const sslMode = new URL(options.serverUrl).searchParams.get("sslmode");
  const tls = sslMode && sslMode !== "disable" ? sslMode : null;
  const ini = renderTemplate("pgbouncer/pgbouncer.ini", {
    database,
    server: [`host=${connValue(server.host ?? "127.0.0.1")}`, `port=${server.port ?? "5432"}`, `dbname=${connValue(database)}`].join(" "),
    listen_addr: "127.0.0.1",
    listen_port: String(port),
    auth_file: authFile,
    pool_size: String(options.poolSize ?? 20),
    max_client_conn: String(options.maxClientConnections ?? 200),
    server_tls: tls ? `server_tls_sslmode = ${tls}` : "",
  });
  const iniFile = path.join(dir, "pgbouncer.ini");
  writeFileSync(iniFile, ini, { mode: 0o600 });
  const args = [iniFile];
  if (isRoot()) {
    const runAs = options.runAs ?? unprivilegedUser();
    const ids = userIds(runAs);
    if (!ids) throw new Error(`PgBouncer refuses to run as root, and there is no user "${runAs}" to run it as.`);
    for (const file of [dir, authFile, iniFile]) chownSync(file, ids.uid, ids.gid);
    chmodSync(dir, 0o700);
    args.unshift("-u", runAs);
  }
  const child = supervise("PgBouncer", options.program ?? findProgram("pgbouncer") ?? "pgbouncer", args, { logFile: path.join(dir, "pgbouncer.log"), cwd: dir, stopSignal: "SIGTERM", graceMs: 5_000 });
  const url = new URL(options.serverUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  url.search = ""; // TLS, if any, is between PgBouncer and PostgreSQL
  const bouncer: PgBouncer = { ...child, url: url.toString(), port, dir };
  try {
    await waitFor("PgBouncer", child, async () => {
      const client = new pg.Client({ connectionString: bouncer.url, connectionTimeoutMillis: 2_000 });
      client.on("error", () => undefined);
      try {
        await client.connect();
        await client.query("SELECT 1");
        return true;
      } finally {
        await client.end().catch(() => undefined);
      }
    });
  } catch (error) {
    await child.stop();
    throw error;
  }
  return bouncer;
}

// ---------------------------------------------------------------------------------------------------
// nginx

export type Nginx = Supervised & {
  url: string;
  port: number;
  dir: string;
  baselineDir: string;
  /** What readers asked, with the cache's answer. */
  accessLog: string;
  /** What reached an app instance, and which. */
  appLog: string;
};

export type NginxOptions = {
  /** Holds the configuration, logs, temporary files and the cache. */
  dir: string;
  host: string;
  port: number;
  /** The app instances, "127.0.0.1:3001". */
  upstreams: string[];
  serverName?: string;
  cacheMaxSize?: string;
  program?: string;
};

/** Starts nginx in the foreground with deploy/nginx/*.conf filled in; resolves once it answers. */
export async function startNginx(options: NginxOptions): Promise<Nginx> {
  const dir = path.resolve(options.dir);
  const baselineDir = path.join(dir, "static-baseline");
  for (const sub of ["", "temp", "cache", "static-baseline"]) mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o755 });
  // As root the workers run as www-data, which must read the baseline files and enter the directories.
  for (const sub of ["", "static-baseline"]) chmodSync(path.join(dir, sub), 0o755);
  const accessLog = path.join(dir, "access.log");
  const appLog = path.join(dir, "app-access.log");
  // The compressing server's socket; one left by a killed nginx would stop this one from starting.
  const socket = path.join(dir, "compress.sock");
  rmSync(socket, { force: true });
  const program = options.program ?? findProgram("nginx") ?? "nginx";
  const user = isRoot() ? (userIds("www-data") ? "user www-data;" : "user nobody nogroup;") : "";
  writeFileSync(path.join(dir, "nginx.conf"), renderTemplate("nginx/nginx.conf", { dir, user_directive: user }));
  writeFileSync(
    path.join(dir, "advocate.conf"),
    renderTemplate("nginx/advocate.conf", {
      upstream_servers: options.upstreams.map((address) => `    server ${address};`).join("\n"),
      cache_dir: path.join(dir, "cache"),
      cache_max_size: options.cacheMaxSize ?? "1g",
      listen: `${options.host.includes(":") ? `[${options.host}]` : options.host}:${options.port}`,
      server_name: options.serverName ?? "_",
      // Buffered: at thousands of requests a second, one write per request costs more than the cache.
      access_log: `${accessLog} advocate buffer=64k flush=1s`,
      app_log: `${appLog} advocate_app buffer=64k flush=1s`,
      baseline_dir: baselineDir,
      compress_socket: socket,
    }),
  );
  const args = ["-p", dir, "-c", path.join(dir, "nginx.conf")];
  const checked = await runQuietly(program, [...args, "-t", "-q"]);
  if (checked.code !== 0) throw new Error(`nginx refused the configuration in ${dir}:\n${checked.output}`);
  // SIGQUIT: finish the requests under way, then stop.
  const child = supervise("nginx", program, [...args, "-g", "daemon off;"], { logFile: path.join(dir, "nginx.log"), stopSignal: "SIGQUIT", graceMs: 10_000 });
  const host = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${options.port}`;
  const nginx: Nginx = { ...child, url, port: options.port, dir, baselineDir, accessLog, appLog };
  try {
    await waitFor("nginx", child, async () => {
      await (await fetch(`${url}/_static-baseline/`)).arrayBuffer(); // any answer: nginx is up
      return true;
    });
  } catch (error) {
    await child.stop();
    throw new Error(`${(error as Error).message}\n${tailOf(path.join(dir, "error.log"))}`);
  }
  return nginx;
}

// ---------------------------------------------------------------------------------------------------
// The app instances' shared keys

/** Each secret the instances must share (lib/secrets-policy.ts), with the file lib/secrets.ts keeps it in. */
const SHARED_KEYS = [
  ["NEXTAUTH_SECRET", "auth-secret"],
  ["CLIENT_HASH_KEY", "client-hash-key"],
  ["ALTCHA_HMAC_KEY", "altcha-key"],
  ["TOTP_ENCRYPTION_KEY", "totp-encryption-key"],
] as const;

/**
 * The keys every instance must share: from the environment when set, otherwise the ones kept in
 * DATA_DIR (created when missing, in the files `npm start` and lib/secrets.ts use, mode 600), so the
 * deployment and `npm start` on the same DATA_DIR agree.
 */
export function sharedKeys(dataDir: string): Record<string, string> {
  const keys: Record<string, string> = {};
  for (const [name, file] of SHARED_KEYS) {
    const fromEnv = process.env[name]?.trim();
    if (fromEnv) {
      keys[name] = fromEnv;
      continue;
    }
    const where = path.join(dataDir, file);
    if (!existsSync(where)) {
      mkdirSync(dataDir, { recursive: true });
      try {
        writeFileSync(where, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
    }
    keys[name] = readFileSync(where, "utf8").trim();
  }
  return keys;
}
