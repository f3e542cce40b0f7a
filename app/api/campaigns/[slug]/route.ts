import { getPublicCampaignSummary } from "@/lib/campaigns/public-api";
import { noteIfDatabaseUnavailable } from "@/lib/database/outage";
import { RETRY_AFTER_SECONDS } from "@/lib/db-unavailable";
import { requestLog } from "@/lib/log";
import { PAGE_CACHE_CONTROL, PAGE_REVALIDATE_SECONDS } from "@/lib/net/cacheable-pages";

// The public JSON API: open to any site (CORS) and cacheable by a CDN, which absorbs a rush of
// readers. Cached as the public pages are (lib/net/cacheable-pages.ts): 4 s fresh, served stale
// while a cache fetches anew, never older than 10 s.
const HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Cache-Control": PAGE_CACHE_CONTROL,
};

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  let summary;
  try {
    summary = await getPublicCampaignSummary((await params).slug);
  } catch (error) {
    if (!noteIfDatabaseUnavailable(error)) throw error;
    (await requestLog()).warn("api: database unavailable", { error });
    return Response.json(
      { error: "unavailable", retryAfterSeconds: RETRY_AFTER_SECONDS },
      { status: 503, headers: { ...HEADERS, "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  if (!summary) return Response.json({ error: "not found" }, { status: 404, headers: { ...HEADERS, "Cache-Control": `public, max-age=0, s-maxage=${PAGE_REVALIDATE_SECONDS}` } });
  return Response.json(summary, { headers: HEADERS });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...HEADERS, "Access-Control-Max-Age": "86400" } });
}
