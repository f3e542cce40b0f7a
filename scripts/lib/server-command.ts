import path from "node:path";

/** How to start the app's server (scripts/server.ts): for `npm start`, the fault test and the benchmarks. */
export function serverCommand(port: number, hostname: string, root = process.cwd()): { command: string; args: string[] } {
  return { command: process.execPath, args: ["--import", "tsx", path.join(root, "scripts", "server.ts"), "--port", String(port), "--hostname", hostname] };
}
