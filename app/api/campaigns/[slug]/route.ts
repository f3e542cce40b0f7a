import { getPublicCampaignSummary } from "@/lib/campaigns/public-api";
import { noteIfDatabaseUnavailable } from "@/lib/database/outage";
import { RETRY_AFTER_SECONDS } from "@/lib/db-unavailable";
import { requestLog } from "@/lib/log";

// The public JSON API: open to any site (CORS) and cacheable by a CDN, which absorbs a rush of
// readers; the count it carries is at most `s-maxage` seconds old at the edge.
const HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Cache-Control": "public, max-age=0, s-maxage=10, stale-while-revalidate=60",
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
  if (!summary) return Response.json({ error: "not found" }, { status: 404, headers: { ...HEADERS, "Cache-Control": "public, s-maxage=10" } });
  return Response.json(summary, { headers: HEADERS });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: { ...HEADERS, "Access-Control-Max-Age": "86400" } });
}
