import { once } from "node:events";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, clientNetwork, markFrontServer, resolveClientAddress, trustedProxies, trustedProxyHops } from "@/lib/net/client-address";
import { withClientAddress } from "@/lib/net/front-server";

describe("the client's address", () => {
  it("is the TCP peer by default, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.9", "203.0.113.7", 0)).toBe("198.51.100.9");
    expect(resolveClientAddress("::ffff:198.51.100.9", undefined, 0)).toBe("198.51.100.9");
  });

  it("is the Nth X-Forwarded-For entry from the right behind N proxies of our own", () => {
    // client 203.0.113.7 -> CDN (appends 203.0.113.7) -> nginx (appends the CDN's 192.0.2.1) -> app
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7, 192.0.2.1", 2)).toBe("203.0.113.7");
    // A forged first entry is ignored: only what our proxies appended counts.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", ["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("is the furthest known when the header is shorter than the hops, and unknown when not an address", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.2", "not-an-address", 1)).toBe("unknown");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("believes X-Forwarded-For only from the listed proxies when TRUSTED_PROXIES is set", () => {
    const proxies = trustedProxies({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/8 fd00::/8" });
    expect(resolveClientAddress("10.1.2.3", "6.6.6.6, 203.0.113.7", 1, proxies)).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", "203.0.113.7", 1, proxies)).toBe("203.0.113.7");
    expect(resolveClientAddress("fd00::5", "203.0.113.7", 1, proxies)).toBe("203.0.113.7");
    // Straight to the app, past the proxies: its own address, whatever it claims.
    expect(resolveClientAddress("198.51.100.9", "203.0.113.7", 1, proxies)).toBe("198.51.100.9");
    expect(trustedProxies({})).toBeNull();
    expect(() => trustedProxies({ TRUSTED_PROXIES: "10.0.0.0/33" })).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxies({ TRUSTED_PROXIES: "nginx" })).toThrow(/TRUSTED_PROXIES/);
  });

  it("reads TRUSTED_PROXY_HOPS as a small whole number and refuses anything else", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: " 2 " })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/whole number from 0 to 10/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "true" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });

  it("counts IPv4 addresses as they are and IPv6 addresses by their /64", () => {
    expect(clientNetwork("203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("203.0.113.7:51234")).toBe("203.0.113.7");
    expect(clientNetwork("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientNetwork("2001:DB8:1:2::17")).toBe("2001:0db8:0001:0002::/64");
    expect(clientNetwork("[2001:db8:1:2:aaaa:bbbb:cccc:dddd]:443")).toBe("2001:0db8:0001:0002::/64");
    expect(clientNetwork("2001:0db8:0001:0002::/64")).toBe("2001:0db8:0001:0002::/64");
    expect(clientNetwork("::1")).toBe("0000:0000:0000:0000::/64");
    expect(clientNetwork("anything else")).toBe("unknown");
  });
});

describe("the front server", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  /** Serves what the app would see, behind the front, and returns it for a request with `headers`. */
  async function seen(hops: number, headers: Record<string, string | string[]>): Promise<{ header: string; network: string; raw: number }> {
    markFrontServer();
    server = createServer(
      withClientAddress((req, res) => {
        const raw = req.rawHeaders.filter((name, index) => index % 2 === 0 && name.toLowerCase() === CLIENT_ADDRESS_HEADER).length;
        const network = clientAddressFrom(new Headers(req.headers as Record<string, string>));
        res.end(JSON.stringify({ header: req.headers[CLIENT_ADDRESS_HEADER], network, raw }));
      }, hops),
    ).listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      request({ host: "127.0.0.1", port, headers }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(JSON.parse(body)));
      })
        .on("error", reject)
        .end();
    });
  }

  it("writes the socket's address over one the client sent, in any capitalisation, once", async () => {
    expect(await seen(0, { "X-Advocate-Client-Address": "6.6.6.6", "X-Forwarded-For": "7.7.7.7" })).toEqual({ header: "127.0.0.1", network: "127.0.0.1", raw: 1 });
  });

  it("believes one appended entry with TRUSTED_PROXY_HOPS=1, and only that one", async () => {
    expect(await seen(1, { "X-Forwarded-For": "6.6.6.6, 203.0.113.7" })).toMatchObject({ network: "203.0.113.7" });
    expect(await seen(1, { "X-Forwarded-For": "2001:db8:1:2::17" })).toMatchObject({ network: "2001:0db8:0001:0002::/64" });
  });
});
