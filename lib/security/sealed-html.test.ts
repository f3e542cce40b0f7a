import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { blankedMarker, blankMarker, newRenderMarker, sealInlineScripts, withScriptHashes } from "@/lib/security/sealed-html";

const hash = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("sealed HTML (cacheable pages' scripts)", () => {
  const marker = newRenderMarker();

  it("hashes the inline scripts that carry the render marker, and removes the marker everywhere", () => {
    const html =
      `<html><head><link rel="preload" as="script" nonce="${marker}" href="/_next/static/a.js"/>` +
      `<script src="/_next/static/b.js" nonce="${marker}" async=""></script></head><body>` +
      `<script nonce="${marker}">self.__next_f.push([1,"a\\u003cb ✓ اردو"])</script>` +
      `<script nonce="${marker}">(self.__next_f=self.__next_f||[]).push([0])</script></body></html>`;
    const { html: sealed, hashes } = sealInlineScripts(html, marker);
    expect(sealed).not.toContain(marker);
    expect(sealed).not.toContain("nonce=");
    expect(sealed).toContain(`<script src="/_next/static/b.js" async=""></script>`);
    expect(hashes.sort()).toEqual([hash(`self.__next_f.push([1,"a\\u003cb ✓ اردو"])`), hash("(self.__next_f=self.__next_f||[]).push([0])")].sort());
  });

  it("blanks the marker inside the RSC payload, keeping its length, and hashes the script as sent", () => {
    const body = `self.__next_f.push([1,":HL[\\"/a.css\\",\\"style\\",{\\"nonce\\":\\"${marker}\\"}]"])`;
    const { html: sealed, hashes } = sealInlineScripts(`<script nonce="${marker}">${body}</script>`, marker);
    const sent = body.replace(marker, blankedMarker(marker));
    expect(sealed).toBe(`<script>${sent}</script>`);
    expect(sent.length).toBe(body.length);
    expect(hashes).toEqual([hash(sent)]);
    expect(blankMarker(`a${marker}b${marker}`, marker)).toBe(`a${blankedMarker(marker)}b${blankedMarker(marker)}`);
  });

  it("gives no hash to a script without the marker, or with another nonce", () => {
    const html = `<p>x</p><script>alert(1)</script><script nonce="guess">alert(2)</script><script nonce="${marker}">ok()</script>`;
    const { html: sealed, hashes } = sealInlineScripts(html, marker);
    expect(hashes).toEqual([hash("ok()")]);
    expect(sealed).toContain("<script>alert(1)</script>");
    expect(sealed).toContain(`<script nonce="guess">alert(2)</script>`);
  });

  it("makes a marker per process, unguessable and in the alphabet Next.js accepts for a nonce", () => {
    const a = newRenderMarker();
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(newRenderMarker()).not.toBe(a);
  });

  it("replaces the marker's nonce in the policy's script-src with the hashes, and leaves the rest", () => {
    const policy = `default-src 'self'; script-src 'self' 'nonce-${marker}'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'`;
    expect(withScriptHashes(policy, marker, ["'sha256-x'", "'sha256-y'"])).toBe("default-src 'self'; script-src 'self' 'sha256-x' 'sha256-y'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    expect(withScriptHashes(policy, marker, [])).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
    expect(withScriptHashes("default-src 'self'", marker, [])).toBe("default-src 'self'");
  });
});
