// Whether the build prerendered a route (served as a file from Next's cache) or renders it per
// request: the "static page" baseline means something different in each case, so the table says which.
import { readFileSync } from "node:fs";
import path from "node:path";

export function renderMode(route: string): "prerendered" | "rendered per request" {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "prerender-manifest.json"), "utf8")) as { routes?: Record<string, unknown> };
    return manifest.routes && route in manifest.routes ? "prerendered" : "rendered per request";
  } catch {
    return "rendered per request";
  }
}
