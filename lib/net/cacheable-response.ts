import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { CACHE_MARK_HEADER, PAGE_CACHE_CONTROL, PRIVATE_CACHE_CONTROL } from "./cacheable-pages";
import { blankMarker, sealInlineScripts, withScriptHashes } from "../security/sealed-html";

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;
type Callback = (error?: Error | null) => void;

const isPage = (type: string) => type.startsWith("text/html") || type.startsWith("text/x-component");

/**
 * The last word on a response's caching, in the front server (scripts/server.ts), after Next.js:
 * - a page proxy.ts marked cacheable (lib/net/cacheable-pages.ts), answered 200 or 404 to a GET or
 *   HEAD without a cookie: `public, s-maxage=…`; its HTML is read whole, its render marker removed and
 *   its inline scripts allowed by hash in the CSP (lib/security/sealed-html.ts);
 * - any other page (HTML or Next's RSC payload): `private, no-store`, whatever the render said, so a
 *   page that turned static by mistake is still never stored by a shared cache;
 * - everything else (files, images, JSON) keeps the Cache-Control its route set.
 */
export function withCacheableResponses(handler: Listener, marker: string): Listener {
  return (req, res) => {
    const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
    let mode: "undecided" | "pass" | "seal" = "undecided";
    const chunks: Buffer[] = [];

    const restore = () => Object.assign(res, original);
    // Whatever else happens, the marker never leaves: a response that is not sealed HTML (Next's RSC
    // payload, a redirect, an error) gets its policy without the marker's nonce.
    const pass = () => {
      mode = "pass";
      restore();
      const policy = res.getHeader("content-security-policy");
      if (typeof policy === "string" && policy.includes(marker)) res.setHeader("Content-Security-Policy", withScriptHashes(policy, marker, []));
    };
    const decide = () => {
      if (mode !== "undecided") return;
      const marked = res.getHeader(CACHE_MARK_HEADER) !== undefined;
      res.removeHeader(CACHE_MARK_HEADER);
      const type = String(res.getHeader("content-type") ?? "");
      // Already encoded (never by Next here: compression is the front server's, after this): leave it.
      if (!isPage(type) || res.getHeader("content-encoding") !== undefined) return pass();
      const shared = marked && (req.method === "GET" || req.method === "HEAD") && (res.statusCode === 200 || res.statusCode === 404) && res.getHeader("set-cookie") === undefined;
      res.setHeader("Cache-Control", shared ? PAGE_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
      if (marked) mode = "seal";
      else pass();
    };
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null) return;
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
      else chunks.push(Buffer.from(chunk as Uint8Array));
    };
    const callbackOf = (...args: unknown[]) => args.find((arg): arg is Callback => typeof arg === "function");

    // Next.js sets headers, then flushHeaders(), then writes: nothing leaves before the first write.
    res.flushHeaders = () => {};
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status;
      const headers = rest.find((arg): arg is OutgoingHttpHeaders => typeof arg === "object" && arg !== null);
      if (typeof rest[0] === "string") res.statusMessage = rest[0];
      if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
      return res;
    }) as typeof res.writeHead;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      decide();
      if (mode === "pass") return (original.write as (...args: unknown[]) => boolean).call(res, chunk, ...rest);
      collect(chunk, rest[0]);
      callbackOf(...rest)?.();
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      decide();
      if (mode === "pass") return (original.end as (...args: unknown[]) => ServerResponse).call(res, chunk, ...rest);
      if (typeof chunk !== "function") collect(chunk, rest[0]);
      restore();
      const text = Buffer.concat(chunks).toString("utf8");
      // HTML: scripts sealed; Next's RSC payload for the same page (client navigation): the marker blanked.
      const { html, hashes } = String(res.getHeader("content-type")).startsWith("text/html") ? sealInlineScripts(text, marker) : { html: blankMarker(text, marker), hashes: [] };
      const policy = res.getHeader("content-security-policy");
      if (typeof policy === "string") res.setHeader("Content-Security-Policy", withScriptHashes(policy, marker, hashes));
      const body = Buffer.from(html, "utf8");
      res.removeHeader("etag");
      const end = original.end as (...args: unknown[]) => ServerResponse;
      const done = callbackOf(chunk, ...rest);
      if (req.method === "HEAD") return end.call(res, done);
      res.setHeader("Content-Length", body.length);
      return end.call(res, body, done);
    }) as typeof res.end;
    return handler(req, res);
  };
}
