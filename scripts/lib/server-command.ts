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
 * The V8 heap's ceiling for a server process, in MB, when SERVER_HEAP_MB sets one (and NODE_OPTIONS
 * does not): for small containers. None by default: Node lets the heap grow towards a share of the
 * machine's memory (600-950 MB resident after the benchmark). A ceiling must hold the live heap with
 * room to spare: 160 MB did not (the full end-to-end suite's server died of "heap out of memory" with
 * ~136 MB live); see docs/scaling.md, "Memory per process".
 */
export const MIN_SERVER_HEAP_MB = 256;

export function serverHeapArgs(env: Record<string, string | undefined> = process.env): string[] {
  const raw = env.SERVER_HEAP_MB?.trim();
  if (!raw || env.NODE_OPTIONS?.includes("--max-old-space-size")) return [];
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < MIN_SERVER_HEAP_MB) throw new Error(`SERVER_HEAP_MB must be a whole number of megabytes, ${MIN_SERVER_HEAP_MB} or more; got "${raw}".`);
  return [`--max-old-space-size=${mb}`];
}

/** How to start the app's server (scripts/server.ts): for `npm start`, the fault test and the benchmarks. */
export function serverCommand(port: number, hostname: string, root = process.cwd()): { command: string; args: string[] } {
  const bundle = bundleServer(root);
  return { command: process.execPath, args: [...serverHeapArgs(), bundle, "--port", String(port), "--hostname", hostname] };
}
