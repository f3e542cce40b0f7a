// The production build and the app server processes (scripts/server.ts, as `npm start` runs it) the scenarios run against.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync, readdirSync, readlinkSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { buildIsCurrent, recordBuild, sourceHash } from "../../scripts/lib/build-stamp";
import { serverCommand } from "../../scripts/lib/server-command";
import { onCleanup } from "./cleanup";
import type { BenchEnvironment } from "./environment";

const nextBin = path.join(process.cwd(), "node_modules", ".bin", "next");

/** Builds like `npm start` does: only when the sources changed since the last build. */
export async function ensureBuild(log: (line: string) => void, options: { skip: boolean }): Promise<void> {
  const hash = sourceHash();
  if (buildIsCurrent(hash)) return log("production build is up to date");
  if (options.skip) {
    if (!readdirSafe(".next").includes("BUILD_ID")) throw new Error("--no-build was given but there is no production build in .next.");
    return log("--no-build: using the existing production build although the sources changed since");
  }
  log("sources changed: running `next build` (1–2 minutes)…");
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(nextBin, ["build"], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    const output: string[] = [];
    const keep = (chunk: Buffer) => output.push(chunk.toString());
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const stopBuild = onCleanup("stopping next build", () => void child.kill("SIGTERM"));
    child.on("exit", (code) => {
      void stopBuild();
      if (code === 0) resolve();
      else reject(new Error(`next build failed (exit code ${code}):\n${output.join("").slice(-3_000)}`));
    });
  });
  recordBuild(hash);
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export type AppServer = {
  name: string;
  url: string;
  port: number;
  /** The process that serves requests (for memory readings). */
  serverPid: () => number;
  logFile: string;
  stop: () => Promise<void>;
};

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts the app server on a free port against the environment's database and waits until it answers. */
export async function startApp(environment: BenchEnvironment, name: string, extraEnv: Record<string, string> = {}): Promise<AppServer> {
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const logFile = path.join(environment.dataDir, `${name}.log`);
  const logStream = createWriteStream(logFile);
  // In the benchmark's process group (not detached): Ctrl-C in a terminal reaches the server too, so it
  // stops even if this process is killed before its cleanup has run.
  const { command, args } = serverCommand(port, "127.0.0.1");
  const child = spawn(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: environment.databaseUrl,
      DATA_DIR: environment.dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_URL: url,
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: environment.authSecret,
      // The load generator plays the proxy in front of the app: each simulated signer's network comes
      // as X-Forwarded-For, one entry, which the app believes with one trusted hop.
      TRUSTED_PROXY_HOPS: "1",
      ...extraEnv,
    },
  });
  // Two sources into one file: neither may end it when it ends.
  child.stdout!.pipe(logStream, { end: false });
  child.stderr!.pipe(logStream, { end: false });
  const stop = onCleanup(`stopping ${name}`, async () => {
    await stopProcess(child);
    logStream.end();
  });
  try {
    await waitUntilServing(url, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, url, port, serverPid: () => servingPid(child.pid!, port), logFile, stop };
}

async function waitUntilServing(url: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app server exited (${child.exitCode}):\n${tail(logFile)}`);
    try {
      if ((await fetch(`${url}/api/ping`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the app server did not answer within a minute:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const signal = (name: NodeJS.Signals) => {
    try {
      child.kill(name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** The process that listens on the port: the server itself or, in other versions, a child of it. */
function servingPid(rootPid: number, port: number): number {
  const inodes = listeningInodes(port);
  for (const pid of [rootPid, ...descendants(rootPid)]) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSafe(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return pid;
      }
    } catch {
      // process ended meanwhile
    }
  }
  return rootPid;
}

function descendants(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSafe("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command name (which may hold spaces) start after the last ')'; the 2nd is the parent.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // process ended meanwhile
    }
  }
  const found: number[] = [];
  for (let queue = [rootPid]; queue.length; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const parts = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the 10th field.
      if (parts[1]?.endsWith(`:${hexPort}`) && parts[3] === "0A" && parts[9]) inodes.add(parts[9]);
    }
  }
  return inodes;
}

function readlinkSafe(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return "";
  }
}
