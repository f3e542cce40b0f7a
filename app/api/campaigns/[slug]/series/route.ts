import { getPublicCampaignSeries } from "@/lib/campaigns/public-api";
import { PUBLIC_API_HEADERS, publicJson, publicPreflight } from "@/lib/campaigns/public-api-response";

// Signatures over time (docs/api.md): ?interval=hour or day (the default).
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const interval = new URL(request.url).searchParams.get("interval") ?? "day";
  if (interval !== "hour" && interval !== "day") {
    return Response.json({ error: 'interval must be "hour" or "day"' }, { status: 400, headers: { ...PUBLIC_API_HEADERS, "Cache-Control": "no-store" } });
  }
  return publicJson(() => getPublicCampaignSeries(slug, interval));
}

export const OPTIONS = publicPreflight;
