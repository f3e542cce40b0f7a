import QRCode from "qrcode";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { campaignLink } from "@/lib/sharing/links";

// A QR code of the campaign's address, for posters and leaflets: SVG (any size) or a 1024 px PNG.
// It carries utm_source=qr, so the reach report shows what the posters brought.
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string; format: string }> }) {
  const { locale, slug, format } = await params;
  const campaign = await getPublicCampaign(slug);
  if (!campaign || (format !== "svg" && format !== "png")) return new Response("Not found", { status: 404 });
  const url = campaignLink(locale, campaign.slug, { source: "qr" });
  const headers = {
    "Content-Disposition": `attachment; filename="${campaign.slug}-qr.${format}"`,
    "Cache-Control": "public, max-age=3600",
  };
  if (format === "svg") {
    const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
    return new Response(svg, { headers: { ...headers, "Content-Type": "image/svg+xml" } });
  }
  const png = await QRCode.toBuffer(url, { type: "png", errorCorrectionLevel: "M", margin: 2, width: 1024 });
  return new Response(new Uint8Array(png), { headers: { ...headers, "Content-Type": "image/png" } });
}
