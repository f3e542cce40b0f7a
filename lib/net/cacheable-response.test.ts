import { createHash } from "node:crypto";
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import compression from "compression";
import { afterEach, describe, expect, it } from "vitest";
import { CACHE_MARK_HEADER, PAGE_CACHE_CONTROL, PRIVATE_CACHE_CONTROL } from "@/lib/net/cacheable-pages";
import { withCacheableResponses } from "@/lib/net/cacheable-response";
import { newRenderMarker } from "@/lib/security/sealed-html";

// The front server's last word on caching and scripts, over real HTTP, with handlers that answer as
// Next.js does (headers set, flushHeaders(), then write() and end(); or writeHead() and end()).

const marker = newRenderMarker();
const policy = `default-src 'self'; script-src 'self' 'nonce-${marker}'; object-src 'none'`;
const page = `<!doctype html><html><body><p>Hello</p><script src="/_next/static/a.js" async="" nonce="${marker}"></script><script nonce="${marker}">self.__next_f.push([1,"{\\"nonce\\":\\"${marker}\\"}"])</script><script>evil()</script></body></html>`;
const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server | null = null;

async function serve(handler: Handler, options: { compress?: boolean } = {}): Promise<string> {
  const sealed = withCacheableResponses(handler, marker);
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  server = createServer((req, res) => (options.compress ? compress(req, res, () => void sealed(req, res)) : sealed(req, res)));
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

type Answer = { status: number; headers: IncomingMessage["headers"]; body: Buffer };

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

/** As Next.js streams a page: headers, flushHeaders(), the body in pieces, end(). */
const nextLike =
  (options: { marked?: boolean; type?: string; status?: number; cookie?: boolean; cacheControl?: string; body?: string } = {}): Handler =>
  (_req, res) => {
    res.statusCode = options.status ?? 200;
    res.setHeader("Content-Type", options.type ?? "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", policy);
    res.setHeader("Cache-Control", options.cacheControl ?? "s-maxage=4, stale-while-revalidate=6");
    if (options.marked ?? true) res.setHeader(CACHE_MARK_HEADER, "1");
    if (options.cookie) res.setHeader("Set-Cookie", "a=b");
    res.flushHeaders();
    const body = options.body ?? page;
    const middle = Math.floor(body.length / 2);
    res.write(body.slice(0, middle));
    res.write(Buffer.from(body.slice(middle)));
    res.end();
  };

describe("the front server's answer for pages (lib/net/cacheable-response.ts)", () => {
  it("seals a marked page: hashes for its own inline scripts, no marker anywhere, a shared cache may keep it", async () => {
    const answer = await get(await serve(nextLike()));
    const body = answer.body.toString("utf8");
    expect(answer.status).toBe(200);
    expect(answer.headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
    expect(answer.headers[CACHE_MARK_HEADER]).toBeUndefined();
    expect(body).not.toContain(marker);
    expect(body).not.toContain("nonce=");
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    const inline = /<script>(self[^<]*)<\/script>/.exec(body)![1]!;
    expect(answer.headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${sha(inline)}; object-src 'none'`);
    expect(answer.headers["content-security-policy"]).not.toContain(sha("evil()"));
  });

  it("compresses after sealing", async () => {
    // Over compression's 1 KB threshold.
    const big = page.replace("<p>Hello</p>", `<p>Hello</p><p>${"words ".repeat(400)}</p>`);
    const answer = await get(await serve(nextLike({ body: big }), { compress: true }), { "Accept-Encoding": "gzip" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-length"]).toBeUndefined();
    const body = gunzipSync(answer.body).toString("utf8");
    expect(body).toContain("<p>Hello</p>");
    expect(body).not.toContain(marker);
    expect(answer.headers["content-security-policy"]).toContain("'sha256-");
  });

  it("sends HEAD the headers only", async () => {
    const answer = await get(await serve(nextLike()), {}, "HEAD");
    expect(answer.body.length).toBe(0);
    expect(answer.headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
    expect(answer.headers["content-security-policy"]).not.toContain(marker);
  });

  it("keeps a marked page with a cookie, or an error, out of shared caches", async () => {
    expect((await get(await serve(nextLike({ cookie: true })))).headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const failed = await get(await serve(nextLike({ status: 500 })));
    expect(failed.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(failed.body.toString()).not.toContain(marker);
  });

  it("makes an unmarked page private whatever its render said", async () => {
    const answer = await get(await serve(nextLike({ marked: false, cacheControl: "s-maxage=31536000", body: "<p>x</p>" })));
    expect(answer.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(answer.body.toString()).toBe("<p>x</p>");
  });

  it("blanks the marker in a marked page's RSC payload and its policy; public only at the payload's own _rsc address", async () => {
    const url = await serve(nextLike({ type: "text/x-component", body: `0:{"nonce":"${marker}"}` }));
    const answer = await get(`${url}/en/c/x?_rsc=abc`);
    expect(answer.body.toString()).toBe(`0:{"nonce":"${"0".repeat(marker.length)}"}`);
    expect(answer.headers["content-security-policy"]).toBe("default-src 'self'; script-src 'self'; object-src 'none'");
    expect(answer.headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
    // At the page's own address (an RSC header without _rsc), a shared cache that ignores Vary would serve it as the page.
    expect((await get(`${url}/en/c/x`)).headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  });

  it("blanks the marker in an unmarked page as it streams, even split across chunks, keeping its length", async () => {
    const body = `<p>a</p><script nonce="${marker}">x()</script>`;
    const cut = body.indexOf(marker) + 5;
    const answer = await get(
      await serve((_req, res) => {
        res.setHeader("Content-Type", "text/html");
        res.setHeader("Content-Length", Buffer.byteLength(body));
        res.setHeader("Content-Security-Policy", policy);
        res.write(body.slice(0, cut));
        res.write(body.slice(cut));
        res.end();
      }),
    );
    expect(answer.body.toString()).toBe(body.replace(marker, "0".repeat(marker.length)));
    expect(answer.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(answer.headers["content-security-policy"]).not.toContain(marker);
  });

  it("gives a shared page no request id, and refuses a marked page it cannot read", async () => {
    const withId: Handler = (req, res) => {
      res.setHeader("x-request-id", "first-reader");
      nextLike()(req, res);
    };
    expect((await get(await serve(withId))).headers["x-request-id"]).toBeUndefined();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    const encoded: Handler = (req, res) => {
      res.setHeader("Content-Encoding", "gzip");
      nextLike()(req, res);
    };
    const refused = await get(await serve(encoded));
    expect(refused.status).toBe(500);
    expect(refused.headers["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
    expect(refused.body.toString()).not.toContain(marker);
  });

  it("leaves files and JSON as their route made them, the marker's nonce aside", async () => {
    const answer = await get(await serve(nextLike({ type: "image/png", cacheControl: "public, max-age=86400", body: "PNG" })));
    expect(answer.headers["cache-control"]).toBe("public, max-age=86400");
    expect(answer.body.toString()).toBe("PNG");
    expect(answer.headers["content-security-policy"]).not.toContain(marker);
  });

  it("follows a handler that answers with writeHead()", async () => {
    const answer = await get(
      await serve((_req, res) => {
        res.setHeader(CACHE_MARK_HEADER, "1");
        res.writeHead(404, ["Content-Type", "text/html", "Content-Security-Policy", policy]).end(page);
      }),
    );
    expect(answer.status).toBe(404);
    expect(answer.headers["cache-control"]).toBe(PAGE_CACHE_CONTROL);
    expect(answer.body.toString()).not.toContain(marker);
    expect(answer.headers["content-security-policy"]).toContain("'sha256-");
  });
});
