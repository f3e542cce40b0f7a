// The reference deployment (docs/scaling.md, scripts/deploy-local.ts) on a benchmark environment's
// database: PgBouncer in front of its PostgreSQL (migrations already applied directly), two app
// instances through PgBouncer, nginx in front of them. Everything is stopped at cleanup.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DeploymentUnavailableError, ensurePackages, startNginx, startPgBouncer, unprivilegedUser, type Nginx, type PgBouncer } from "../../scripts/lib/deployment";
import { findFreePort, startApp, type AppServer } from "./app-server";
import { onCleanup } from "./cleanup";
import type { BenchEnvironment } from "./environment";

export type Deployment = {
  /** nginx: where readers and signers go. */
  url: string;
  nginx: Nginx;
  bouncer: PgBouncer;
  /** The instances, each also reachable directly (for checks). */
  apps: AppServer[];
  /** Lines nginx logged since `mark()` was taken, once its buffered logs are written (~1 s). */
  logSince: (mark: LogMark) => Promise<{ front: string[]; app: string[] }>;
  mark: () => Promise<LogMark>;
  /** Stops nginx, the instances and PgBouncer (the database stays). */
  stop: () => Promise<void>;
};

export type LogMark = { front: number; app: number };

/**
 * Starts the deployment, or returns why it cannot run here (nginx or PgBouncer missing and not
 * installable: not root, or no apt-get), for the caller to say so and skip.
 */
export async function startDeployment(
  environment: BenchEnvironment,
  log: (line: string) => void,
  options: { instances?: number; extraEnv?: Record<string, string> } = {},
): Promise<Deployment | { unavailable: string }> {
  try {
    await ensurePackages(log);
  } catch (error) {
    if (error instanceof DeploymentUnavailableError) return { unavailable: `${error.message} ${error.hint}` };
    throw error;
  }
  const dir = path.join(environment.dataDir, "deploy");
  const bouncer = await startPgBouncer({ dir: path.join(dir, "pgbouncer"), serverUrl: environment.databaseUrl, runAs: unprivilegedUser(path.join(environment.dataDir, "postgres")) });
  const stopBouncer = onCleanup("stopping PgBouncer", bouncer.stop);
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const count = options.instances ?? 2;
  const apps = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      startApp(environment, `instance-${String.fromCharCode(97 + i)}`, {
        DATABASE_URL: bouncer.url,
        APP_URL: url,
        NEXTAUTH_URL: url,
        TRUSTED_PROXY_HOPS: "1",
        TRUSTED_PROXIES: "127.0.0.1",
        // As scripts/deploy-local.ts: scheduled jobs on the first instance only.
        ...(i > 0 ? { SCHEDULED_JOBS: "off" } : {}),
        ...options.extraEnv,
      }),
    ),
  );
  const nginx = await startNginx({ dir: path.join(dir, "nginx"), host: "127.0.0.1", port, upstreams: apps.map((app) => `127.0.0.1:${app.port}`) });
  const stopNginx = onCleanup("stopping nginx", nginx.stop);
  const lines = async (file: string) => (await readFile(file, "utf8").catch(() => "")).split("\n").filter(Boolean);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1_300)); // access_log flush=1s
  return {
    url,
    nginx,
    bouncer,
    apps,
    mark: async () => {
      await settle();
      return { front: (await lines(nginx.accessLog)).length, app: (await lines(nginx.appLog)).length };
    },
    logSince: async (mark) => {
      await settle();
      return { front: (await lines(nginx.accessLog)).slice(mark.front), app: (await lines(nginx.appLog)).slice(mark.app) };
    },
    stop: async () => {
      await stopNginx();
      await Promise.all(apps.map((app) => app.stop()));
      await stopBouncer();
    },
  };
}

/** How many of `lines` (nginx's app log) each instance answered, by its port. */
export function byInstance(lines: string[], apps: AppServer[]): Map<AppServer, number> {
  const counts = new Map<AppServer, number>(apps.map((app) => [app, 0]));
  for (const line of lines) {
    const port = /upstream=127\.0\.0\.1:(\d+)/.exec(line)?.[1];
    const app = apps.find((candidate) => String(candidate.port) === port);
    if (app) counts.set(app, counts.get(app)! + 1);
  }
  return counts;
}
