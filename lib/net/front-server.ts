import type { IncomingMessage, ServerResponse } from "node:http";
import type { BlockList } from "node:net";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "./client-address";

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Wraps Next's request handler: every request reaches it with exactly one CLIENT_ADDRESS_HEADER,
 * the one written here from the TCP peer, TRUSTED_PROXY_HOPS and TRUSTED_PROXIES (lib/net/client-address.ts). A copy
 * the client sent, in any capitalisation, is removed from both the parsed and the raw headers.
 */
export function withClientAddress(handler: Listener, hops: number, proxies: BlockList | null = null): Listener {
  return (req, res) => {
    const address = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops, proxies);
    const raw: string[] = [];
    for (let index = 0; index + 1 < req.rawHeaders.length; index += 2) {
      if (req.rawHeaders[index]!.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(req.rawHeaders[index]!, req.rawHeaders[index + 1]!);
    }
    raw.push(CLIENT_ADDRESS_HEADER, address);
    req.rawHeaders.splice(0, req.rawHeaders.length, ...raw);
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    return handler(req, res);
  };
}
