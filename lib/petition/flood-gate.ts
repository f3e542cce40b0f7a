import "server-only";
import { clientAddressFrom } from "@/lib/net/client-address";
import { hashClientAddress } from "@/lib/petition/client";
import { consume, limiter, signingLimits } from "@/lib/petition/limits";

// A flood answers HTTP 429 before the signing action runs: proxy.ts counts every POST to a campaign
// page (only the signing form posts there) per hashed network and campaign. The action keeps its own
// count (quarantine, refusal with a message) for whatever passes this gate.

type HeaderSource = { get(name: string): string | null };

export type FloodVerdict = {
  flooding: boolean;
  /** This attempt is the first past the limit in its window (log once, not once per attempt). */
  started: boolean;
  /** The start of the network's keyed hash, as stored with signatures (Signature.clientHash): for logs. */
  network: string;
};

/** Counts this attempt; `flooding` when the network is past the flood limit on this campaign page. */
export async function floodGate(slug: string, headers: HeaderSource): Promise<FloodVerdict> {
  const limits = signingLimits();
  const hash = hashClientAddress(clientAddressFrom(headers));
  const consumed = await consume(limiter("sign-gate", limits.flood), `${slug}:${hash}`);
  return { flooding: consumed > limits.flood.points, started: consumed === limits.flood.points + 1, network: hash.slice(0, 12) };
}

/** Counts this attempt; true when the network is past the flood limit on this campaign page. */
export async function isFlooding(slug: string, headers: HeaderSource): Promise<boolean> {
  return (await floodGate(slug, headers)).flooding;
}
