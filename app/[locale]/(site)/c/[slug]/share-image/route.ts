import { campaignCard } from "@/lib/sharing/share-cards";
import { cardLocale, SHARE_IMAGE_HEADERS, shareImage } from "@/lib/sharing/share-image";

// The campaign's share image with its live count (at most lib/sharing/share-image.ts REFRESH_MS old).
// The `?v=` the pages put in their og:image URL only makes scrapers fetch again when the count moved.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { slug } = await params;
  const locale = cardLocale((await params).locale);
  const png = await shareImage(`campaign:${locale}:${slug}`, () => campaignCard(locale, slug));
  if (!png) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(png), { headers: SHARE_IMAGE_HEADERS });
}
