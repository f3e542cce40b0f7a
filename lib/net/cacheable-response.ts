import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { StringDecoder } from "node:string_decoder";
import { CACHE_MARK_HEADER, PAGE_CACHE_CONTROL, PRIVATE_CACHE_CONTROL } from "./cacheable-pages";
import { blankMarker, sealInlineScripts, withScriptHashes } from "../security/sealed-html";

type Listener = (req: IncomingMessage, res: ServerResponse) => unknown;
type Callback = (error?: Error | null) => void;

const isPage = (type: string) => type.startsWith("text/html") || type.startsWith("text/x-component");
/** A page larger than this is not read whole: it is refused (500) rather than held in memory. */
export const SEAL_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * The last word on a response's caching, in the front server (scripts/server.ts), after Next.js:
 * - a page proxy.ts marked cacheable (lib/net/cacheable-pages.ts), answered 200 or 404 to a GET or
 *   HEAD without a cookie: `public, s-maxage=…` (Next's RSC payload only at its own `_rsc` address);
 *   its HTML is read whole, its render marker removed and its inline scripts allowed by hash in the
 *   CSP (lib/security/sealed-html.ts); no request id (it would be the first reader's for all);
 * - any other page (HTML or RSC payload): `private, no-store`, whatever the render said, so a page
 *   that turned static by mistake is still never stored by a shared cache; streamed as it comes, with
 *   the marker blanked should it ever be in it (a render reached by a path proxy.ts did not mark);
 * - everything else (files, images, JSON) keeps the Cache-Control its route set.
 */
export function withCacheableResponses(handler: Listener, marker: string): Listener {
  return (req, res) => {
    const original = { write: res.write, end: res.end, writeHead: res.writeHead, flushHeaders: res.flushHeaders };
    let mode: "undecided" | "pass" | "blank" | "seal" = "undecided";
    let marked = false;
    const chunks: Buffer[] = [];
    let buffered = 0;
    // Blank mode: text decoded across chunk boundaries, the last characters held back until the next
    // chunk shows whether they begin the marker.
    const decoder = new StringDecoder("utf8");
    let held = "";

    const restore = () => Object.assign(res, original);
    const policyWithout = () => {
      const policy = res.getHeader("content-security-policy");
      if (typeof policy === "string" && policy.includes(marker)) res.setHeader("Content-Security-Policy", withScriptHashes(policy, marker, []));
    };
    const isShared = () => {
      const type = String(res.getHeader("content-type") ?? "");
      const payloadAtItsAddress = !type.startsWith("text/x-component") || /[?&]_rsc=/.test(req.url ?? "");
      return marked && payloadAtItsAddress && (req.method === "GET" || req.method === "HEAD") && (res.statusCode === 200 || res.statusCode === 404) && res.getHeader("set-cookie") === undefined;
    };
    const decide = () => {
      if (mode !== "undecided") return;
      marked = res.getHeader(CACHE_MARK_HEADER) !== undefined;
      res.removeHeader(CACHE_MARK_HEADER);
      const type = String(res.getHeader("content-type") ?? "");
      policyWithout();
      if (!isPage(type)) {
        mode = "pass";
        return restore();
      }
      mode = marked ? "seal" : "blank";
      if (mode === "blank") {
        res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
        // Streamed: Node's own writeHead must send the headers before the first chunk.
        Object.assign(res, { writeHead: original.writeHead, flushHeaders: original.flushHeaders });
      }
    };
    const toBuffer = (chunk: unknown, encoding?: unknown): Buffer | null => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return null;
      if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
      return Buffer.from(chunk as Uint8Array);
    };
    const callbackOf = (...args: unknown[]) => args.find((arg): arg is Callback => typeof arg === "function");
    const later = (callback: Callback | undefined) => callback && process.nextTick(callback);
    /** Blank mode: the text that can leave now (the marker, split across chunks or not, blanked). */
    const blankable = (buffer: Buffer | null, last: boolean): string => {
      const text = blankMarker(held + (buffer ? decoder.write(buffer) : "") + (last ? decoder.end() : ""), marker);
      const keep = last ? 0 : Math.min(text.length, marker.length - 1);
      held = text.slice(text.length - keep);
      return text.slice(0, text.length - keep);
    };

    // Next.js sets headers, then flushHeaders(), then writes: nothing leaves before the first write.
    res.flushHeaders = () => {};
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status;
      if (typeof rest[0] === "string") res.statusMessage = rest[0];
      const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
      if (Array.isArray(headers)) {
        for (let index = 0; index + 1 < headers.length; index += 2) res.setHeader(String(headers[index]), headers[index + 1] as string);
      } else if (headers) {
        for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
      }
      return res;
    }) as typeof res.writeHead;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      decide();
      if (mode === "pass") return (original.write as (...args: unknown[]) => boolean).call(res, chunk, ...rest);
      const buffer = toBuffer(chunk, rest[0]);
      if (mode === "blank") {
        // Same length as what came in: a Content-Length Next set still holds.
        const text = blankable(buffer, false);
        return (original.write as (...args: unknown[]) => boolean).call(res, text, "utf8", callbackOf(...rest));
      }
      if (buffer) {
        chunks.push(buffer);
        buffered += buffer.length;
      }
      later(callbackOf(...rest));
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      decide();
      const end = original.end as (...args: unknown[]) => ServerResponse;
      const done = callbackOf(chunk, ...rest);
      if (mode === "pass") return end.call(res, chunk, ...rest);
      const buffer = toBuffer(chunk, rest[0]);
      if (mode === "blank") {
        restore();
        return end.call(res, blankable(buffer, true), "utf8", done);
      }
      if (buffer) {
        chunks.push(buffer);
        buffered += buffer.length;
      }
      restore();
      // Decided now, with the final status and headers.
      if (res.getHeader("content-encoding") !== undefined || buffered > SEAL_LIMIT_BYTES) {
        // Never expected (Next does not compress here, pages are far smaller): refused rather than
        // sent with the marker in it.
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        res.statusCode = 500;
        res.setHeader("Content-Type", "text/plain; charset=utf-8");
        res.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
        return end.call(res, "The page could not be sent.", "utf8", done);
      }
      const shared = isShared();
      res.setHeader("Cache-Control", shared ? PAGE_CACHE_CONTROL : PRIVATE_CACHE_CONTROL);
      if (shared) res.removeHeader("x-request-id");
      const text = Buffer.concat(chunks).toString("utf8");
      // HTML: scripts sealed; Next's RSC payload for the same page (client navigation): the marker blanked.
      const { html, hashes } = String(res.getHeader("content-type")).startsWith("text/html") ? sealInlineScripts(text, marker) : { html: blankMarker(text, marker), hashes: [] };
      const policy = res.getHeader("content-security-policy");
      if (typeof policy === "string") res.setHeader("Content-Security-Policy", withScriptHashes(policy, marker, hashes));
      res.removeHeader("etag");
      if (req.method === "HEAD") {
        res.removeHeader("content-length");
        return end.call(res, done);
      }
      const body = Buffer.from(html, "utf8");
      res.setHeader("Content-Length", body.length);
      return end.call(res, body, done);
    }) as typeof res.end;
    return handler(req, res);
  };
}

