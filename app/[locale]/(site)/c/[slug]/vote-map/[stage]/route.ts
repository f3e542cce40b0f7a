import { getPublicCampaign } from "@/lib/campaigns/queries";
import { catalogLocale } from "@/lib/i18n/catalogs";
import { mapSvg, mapVersion } from "@/lib/votes/map-svg";
import { getVoteRecord } from "@/lib/votes/queries";

// A stage's vote map (lib/votes/map-svg.ts). The page links it with ?v=<version>: that URL never
// changes content, so browsers and CDNs may keep it for a year.
export async function GET(request: Request, { params }: { params: Promise<{ locale: string; slug: string; stage: string }> }) {
  const { slug, stage: key } = await params;
  const search = new URL(request.url).searchParams;
  const locale = catalogLocale((await params).locale);
  const campaign = await getPublicCampaign(slug);
  const stage = campaign ? (await getVoteRecord(campaign.id)).find((candidate) => candidate.key === key && candidate.namesComplete) : undefined;
  if (!stage) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const current = search.get("v") === mapVersion(stage, locale);
  return new Response(mapSvg(stage, locale), {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=300, s-maxage=300",
      // An SVG opened on its own is a document: it may not run script or load anything.
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
  });
}
