import "server-only";
import { noteIfDatabaseUnavailable } from "@/lib/database/outage";
import { RETRY_AFTER_SECONDS } from "@/lib/db-unavailable";
import { requestLog } from "@/lib/log";
import { PAGE_CACHE_CONTROL, PAGE_REVALIDATE_SECONDS } from "@/lib/net/cacheable-pages";

// How the public JSON API answers (docs/api.md): open to any site (CORS) and cacheable by a CDN,
// which absorbs a rush of readers. Cached as the public pages are (lib/net/cacheable-pages.ts): 4 s
// fresh, served stale while a cache fetches anew, never older than 10 s.
export const PUBLIC_API_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Cache-Control": PAGE_CACHE_CONTROL,
};

/** The answer for `load()`: its JSON, 404 when it finds nothing, 503 with Retry-After while the database is away. */
export async function publicJson(load: () => Promise<object | null>): Promise<Response> {
  let body: object | null;
  try {
    body = await load();
  } catch (error) {
    if (!noteIfDatabaseUnavailable(error)) throw error;
    (await requestLog()).warn("api: database unavailable", { error });
    return Response.json(
      { error: "unavailable", retryAfterSeconds: RETRY_AFTER_SECONDS },
      { status: 503, headers: { ...PUBLIC_API_HEADERS, "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  if (!body) return Response.json({ error: "not found" }, { status: 404, headers: { ...PUBLIC_API_HEADERS, "Cache-Control": `public, max-age=0, s-maxage=${PAGE_REVALIDATE_SECONDS}` } });
  return Response.json(body, { headers: PUBLIC_API_HEADERS });
}

/** The answer to a CORS preflight. */
export function publicPreflight(): Response {
  return new Response(null, { status: 204, headers: { ...PUBLIC_API_HEADERS, "Access-Control-Max-Age": "86400" } });
}
