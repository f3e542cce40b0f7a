import { renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";

/**
 * The front server (scripts/server.ts and the lib/net modules it imports), bundled into one plain
 * JavaScript file that Node runs as it is. Running the TypeScript through tsx instead kept tsx's
 * module-loader thread (a second V8 heap) and its hooks in every server process for its whole life:
 * measured, 145–159 MB resident after start bundled against 211–239 MB through tsx.
 */
export const SERVER_BUNDLE = path.join(".next", "advocate-server.mjs");

/** Bundles the front server (a few milliseconds); packages stay imports, resolved from node_modules. */
export function bundleServer(root = process.cwd()): string {
  const outfile = path.join(root, SERVER_BUNDLE);
  const result = buildSync({
    entryPoints: [path.join(root, "scripts", "server.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile,
    write: false,
    logLevel: "warning",
  });
  // Written whole, then renamed: two instances started at once (the deployment) never read half a file.
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0]!.contents);
  renameSync(temporary, outfile);
  return outfile;
}

/**
 * The V8 heap's ceiling for a server process, in MB: SERVER_HEAP_MB, or the default. Node otherwise
 * lets the heap grow towards a share of the machine's memory and keeps what it grew (~950 MB resident
 * after the benchmark's load), which gets a small container killed. Left to Node when NODE_OPTIONS
 * sets --max-old-space-size itself. See docs/scaling.md, "Memory per process".
 */
export const DEFAULT_SERVER_HEAP_MB = 160;

export function serverHeapArgs(env: Record<string, string | undefined> = process.env): string[] {
  if (env.NODE_OPTIONS?.includes("--max-old-space-size")) return [];
  const raw = env.SERVER_HEAP_MB?.trim();
  const mb = raw ? Number(raw) : DEFAULT_SERVER_HEAP_MB;
  if (!Number.isInteger(mb) || mb < 96) throw new Error(`SERVER_HEAP_MB must be a whole number of megabytes, 96 or more; got "${raw}".`);
  return [`--max-old-space-size=${mb}`];
}

/** How to start the app's server (scripts/server.ts): for `npm start`, the fault test and the benchmarks. */
export function serverCommand(port: number, hostname: string, root = process.cwd()): { command: string; args: string[] } {
  const bundle = bundleServer(root);
  return { command: process.execPath, args: [...serverHeapArgs(), bundle, "--port", String(port), "--hostname", hostname] };
}
