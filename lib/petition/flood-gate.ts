import "server-only";
import { clientAddressFrom } from "@/lib/net/client-address";
import { hashClientAddress } from "@/lib/petition/client";
import { consume, limiter, signingLimits } from "@/lib/petition/limits";

// A flood answers HTTP 429 before the signing action runs: proxy.ts counts every POST to a campaign
// page (only the signing form posts there) per hashed network and campaign. The action keeps its own
// count (quarantine, refusal with a message) for whatever passes this gate.

type HeaderSource = { get(name: string): string | null };

/** Counts this attempt; true when the network is past the flood limit on this campaign page. */
export async function isFlooding(slug: string, headers: HeaderSource): Promise<boolean> {
  const limits = signingLimits();
  const key = `${slug}:${hashClientAddress(clientAddressFrom(headers))}`;
  return (await consume(limiter("sign-gate", limits.flood), key)) > limits.flood.points;
}
