import QRCode from "qrcode";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { campaignLink } from "@/lib/sharing/links";

// A QR code of the campaign's address, for posters and leaflets: SVG (any size) or a 1024 px PNG.
// It carries utm_source=qr, so the reach report shows what the posters brought. The code depends only
// on public inputs (the site's address, language, campaign, format): drawn once per process and kept
// (at most MAX_KEPT), and cached by browsers and shared caches for a day.

const MAX_KEPT = 200;
const kept = new Map<string, Uint8Array | string>();

async function draw(url: string, format: "svg" | "png"): Promise<Uint8Array | string> {
  if (format === "svg") return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return new Uint8Array(await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 1024 }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string; format: string }> }) {
  const { locale, slug, format } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign || (format !== "svg" && format !== "png")) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const url = campaignLink(locale, campaign.slug, { source: "qr" });
  const key = `${format} ${url}`;
  let body = kept.get(key);
  if (body === undefined) {
    body = await draw(url, format);
    kept.set(key, body);
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  }
  return new Response(typeof body === "string" ? body : body.slice(), {
    headers: {
      "Content-Type": format === "svg" ? "image/svg+xml" : "image/png",
      "Content-Disposition": `attachment; filename="${campaign.slug}-qr.${format}"`,
      "Cache-Control": "public, max-age=86400, s-maxage=86400, stale-while-revalidate=604800",
    },
  });
}
