import { siteCard } from "@/lib/sharing/share-cards";
import { cardLocale, SHARE_IMAGE_HEADERS, shareImage } from "@/lib/sharing/share-image";

// The site's share image (its name and tagline in the page's language), for the pages that have no
// card of their own: the home page and the privacy notice.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const locale = cardLocale((await params).locale);
  const png = await shareImage(`site:${locale}`, async () => siteCard(locale));
  return new Response(new Uint8Array(png!), { headers: SHARE_IMAGE_HEADERS });
}
