import { getPublicCampaignSummary } from "@/lib/campaigns/public-api";
import { publicJson, publicPreflight } from "@/lib/campaigns/public-api-response";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return publicJson(() => getPublicCampaignSummary(slug));
}

export const OPTIONS = publicPreflight;
