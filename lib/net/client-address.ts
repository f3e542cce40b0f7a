import { BlockList, isIPv4, isIPv6 } from "node:net";

// Who is on the other end of a request. One answer for signing limits, the flood gate, sign-in
// throttling and logs (docs/decisions/021). No "server-only": the front server (scripts/server.ts)
// uses the same code to decide what to write.
//
// Next.js hands route code no socket address, and fills X-Forwarded-For from the socket only when the
// client sent none, so the header's first entry is whatever the client wants. The front server is the
// only place that sees the socket: it removes any CLIENT_ADDRESS_HEADER the client sent and writes
// its own, from the TCP peer (TRUSTED_PROXY_HOPS=0, the default) or from the Nth X-Forwarded-For entry
// counted from the right (N proxies of our own in front, each appending the address it saw).

/** Written by the front server only; a copy sent by the client is removed before Next sees it. */
export const CLIENT_ADDRESS_HEADER = "x-advocate-client-address";

/** What every unknown client shares: strict limits for all rather than none for a forger. */
export const UNKNOWN_CLIENT = "unknown";

export const TRUSTED_PROXY_HOPS_VARIABLE = "TRUSTED_PROXY_HOPS";

/** TRUSTED_PROXY_HOPS: how many proxies of our own stand in front of the app (0 to 10). */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env[TRUSTED_PROXY_HOPS_VARIABLE]?.trim() ?? "";
  if (raw === "") return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 10) {
    throw new Error(`${TRUSTED_PROXY_HOPS_VARIABLE} must be a whole number from 0 to 10 (the proxies of your own in front of the app; 0 when there are none), got "${raw}".`);
  }
  return Number(raw);
}

export const TRUSTED_PROXIES_VARIABLE = "TRUSTED_PROXIES";

/**
 * TRUSTED_PROXIES: the addresses or networks (CIDR) the proxies of our own connect from, e.g.
 * "127.0.0.1, 10.0.0.0/8". When set, X-Forwarded-For is believed only on connections from them; a
 * client that reaches the app directly is counted by its own address. Unset: every connection is
 * taken to come through the proxies (the app must then be reachable only through them).
 */
export function trustedProxies(env: Record<string, string | undefined> = process.env): BlockList | null {
  const raw = env[TRUSTED_PROXIES_VARIABLE]?.trim();
  if (!raw) return null;
  const list = new BlockList();
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefix] = entry.split("/");
    const family = isIPv4(address) ? "ipv4" : isIPv6(address) ? "ipv6" : null;
    const bits = prefix === undefined ? (family === "ipv4" ? 32 : 128) : Number(prefix);
    if (!family || !Number.isInteger(bits) || bits < 0 || bits > (family === "ipv4" ? 32 : 128)) {
      throw new Error(`${TRUSTED_PROXIES_VARIABLE} must list addresses or networks like 127.0.0.1, 10.0.0.0/8 or fd00::/8, got "${entry}".`);
    }
    list.addSubnet(address, bits, family);
  }
  return list;
}

function fromTrustedProxy(socketAddress: string | undefined, proxies: BlockList): boolean {
  const address = normaliseAddress(socketAddress ?? "");
  if (address === null) return false;
  return proxies.check(address, isIPv4(address) ? "ipv4" : "ipv6");
}

/**
 * The client's address from what the front server sees. `forwardedFor` is every X-Forwarded-For
 * header the request carried, in order. With `hops` proxies of our own, the last `hops` entries
 * were appended by them and the one before the last they appended is the client: counting the
 * socket as the 0th hop from the right, the client is hop number `hops`. When the header has fewer
 * entries (a request that reached the app without passing every proxy), the furthest one known is
 * used, as Express's "trust proxy" does. Entries that are not addresses end the trusted chain.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | string[] | undefined, hops: number, proxies: BlockList | null = null): string {
  // A connection that does not come from one of our proxies brings no header worth believing.
  if (hops > 0 && proxies && !fromTrustedProxy(socketAddress, proxies)) return normaliseAddress(socketAddress ?? "") ?? UNKNOWN_CLIENT;
  const chain = [socketAddress ?? ""];
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (let index = entries.length - 1; index >= 0 && chain.length <= hops; index--) chain.push(entries[index]!);
  const chosen = normaliseAddress(chain[Math.min(hops, chain.length - 1)]!);
  return chosen ?? UNKNOWN_CLIENT;
}

/** An IP address without port, brackets, zone or IPv4-mapped prefix; null for anything else. */
export function normaliseAddress(raw: string): string | null {
  let value = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  value = value.replace(/%.*$/, ""); // zone index
  if (value.startsWith("::ffff:") && isIPv4(value.slice(7))) value = value.slice(7);
  return isIPv4(value) || isIPv6(value) ? value : null;
}

/**
 * The network a client is counted under, everywhere: an IPv4 address as it is, an IPv6 address by
 * its /64 (one household or server usually holds a whole /64, so counting single IPv6 addresses would
 * let anyone sign from millions of them).
 */
export function clientNetwork(address: string): string {
  if (/^(?:[0-9a-f]{4}:){4}:\/64$/.test(address)) return address; // already a network
  const value = normaliseAddress(address);
  if (value === null) return UNKNOWN_CLIENT;
  if (isIPv4(value)) return value;
  return `${expandIPv6(value).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const part = (text: string) => (text ? text.split(":") : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return groups.map((group) => (group.includes(".") ? group : group.padStart(4, "0")));
}

// Set by the front server in its own process (Next's handlers run in the same process). Without it
// (`next dev` or `next start` run by hand) nobody removed a forged header, so it is not believed.
const marker = globalThis as unknown as { advocateFrontServer?: boolean };

export function markFrontServer(): void {
  marker.advocateFrontServer = true;
}

export function isBehindFrontServer(): boolean {
  return marker.advocateFrontServer === true;
}

type HeaderSource = { get(name: string): string | null };

/**
 * The client's network for this request, from the front server's header: the same function for
 * signing, the flood gate, sign-in throttling and logs. Without the front server every request is
 * "unknown" (one network for all: limits bite everyone rather than nobody).
 */
export function clientAddressFrom(source: HeaderSource): string {
  if (!isBehindFrontServer()) return UNKNOWN_CLIENT;
  const value = source.get(CLIENT_ADDRESS_HEADER);
  return value ? clientNetwork(value) : UNKNOWN_CLIENT;
}

/** For next-auth's authorize(), whose request headers are a plain object. */
export function clientAddressFromRecord(headers: Record<string, unknown> | undefined): string {
  const value = headers?.[CLIENT_ADDRESS_HEADER];
  return clientAddressFrom({ get: () => (typeof value === "string" ? value : null) });
}
