import { countryCard } from "@/lib/sharing/share-cards";
import { cardLocale, SHARE_IMAGE_HEADERS, shareImage } from "@/lib/sharing/share-image";

// One country's votes as a share image ("Pakistan voted against").
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string; iso3: string }> }) {
  const { slug, iso3 } = await params;
  const locale = cardLocale((await params).locale);
  const code = iso3.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) return new Response("Not found", { status: 404 });
  const png = await shareImage(`country:${locale}:${slug}:${code}`, () => countryCard(locale, slug, code));
  if (!png) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(png), { headers: SHARE_IMAGE_HEADERS });
}
