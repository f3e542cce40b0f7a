import "server-only";
import { createHmac } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import { headers } from "next/headers";
import { persistentSecret } from "@/lib/secrets";

// The signer's network address is used for rate limits and stored only as a keyed hash
// (HMAC-SHA256, key from CLIENT_HASH_KEY or DATA_DIR/client-hash-key): staff can see that many
// signatures came from one network without learning which. See docs/decisions/011.

type HeaderSource = { get(name: string): string | null };

/** The client's address as the proxy in front of the app reports it; "unknown" when none does. */
export function clientAddressFrom(source: HeaderSource): string {
  const forwarded = source.get("x-forwarded-for")?.split(",")[0]?.trim();
  const real = source.get("x-real-ip")?.trim();
  return forwarded || real || "unknown";
}

/** The address of the request being handled (server actions and route handlers only). */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFrom(await headers());
}

/**
 * The network a signer is counted under: an IPv4 address as it is, an IPv6 address by its /64
 * (one household or server usually holds a whole /64, so counting single IPv6 addresses would let
 * anyone sign from millions of them). Ports, brackets and the IPv4-mapped form are removed.
 */
export function clientNetwork(address: string): string {
  let value = address.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, ""); // zone index
  if (value.startsWith("::ffff:") && isIPv4(value.slice(7))) value = value.slice(7);
  if (isIPv4(value)) return value;
  if (isIPv6(value)) return `${expandIPv6(value).slice(0, 4).join(":")}::/64`;
  return value || "unknown";
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const part = (text: string) => (text ? text.split(":") : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return groups.map((group) => (group.includes(".") ? group : group.padStart(4, "0")));
}

/** The keyed hash stored in Signature.clientHash and used in rate-limit keys (64 hex characters). */
export function hashClientAddress(address: string): string {
  return createHmac("sha256", persistentSecret("CLIENT_HASH_KEY", "client-hash-key")).update(clientNetwork(address)).digest("hex");
}
