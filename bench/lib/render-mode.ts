// Whether the build prerendered a route (served as a file from Next's cache), renders it on first
// visit and keeps it (ISR, the cacheable pages of lib/net/cacheable-pages.ts), or renders it per
// request: the "static page" baseline means something different in each case, so the table says which.
import { readFileSync } from "node:fs";
import path from "node:path";

type Manifest = { routes?: Record<string, unknown>; dynamicRoutes?: Record<string, unknown> };

/** "/[locale]/c/[slug]" as a pattern for "/en/c/x" (optional catch-alls too). */
function routePattern(route: string): RegExp {
  const body = route
    .split("/")
    .map((segment) => (segment.startsWith("[[...") ? "(?:/.*)?" : segment.startsWith("[...") ? "/.+" : segment.startsWith("[") ? "/[^/]+" : segment ? `/${segment.replace(/[.*+?^${}()|\\]/g, "\\$&")}` : ""))
    .join("");
  return new RegExp(`^${body}$`);
}

export function renderMode(route: string): "prerendered" | "cached after its first render" | "rendered per request" {
  try {
    const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "prerender-manifest.json"), "utf8")) as Manifest;
    if (manifest.routes && route in manifest.routes) return "prerendered";
    if (Object.keys(manifest.dynamicRoutes ?? {}).some((pattern) => routePattern(pattern).test(route))) return "cached after its first render";
    return "rendered per request";
  } catch {
    return "rendered per request";
  }
}
