// A strict script policy for pages that a shared cache holds (docs/decisions/023). Such a page is
// rendered once and served to many, so it cannot carry a nonce of its own per response. Instead,
// Next.js renders it with a fixed render marker as its nonce (known only to this server process,
// proxy.ts passes it), and the front server (lib/net/cacheable-response.ts), before the page leaves
// the process, removes the marker and allows exactly the inline scripts that carried it, by hash.
// A script that did not come from the render (an injected `<script>` in stored text, were React's
// escaping ever bypassed) carries no marker, gets no hash, and the browser refuses it.
import { createHash, randomBytes } from "node:crypto";

export type SealedHtml = { html: string; hashes: string[] };

// React escapes "<" and ">" in attribute values and text, so a tag ends at the first ">". Script
// content is raw text in HTML: it ends at the first "</script" whatever it contains.
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** A render marker: as random as a nonce, in the alphabet Next.js accepts for one. */
export function newRenderMarker(): string {
  return randomBytes(18).toString("base64url");
}

/**
 * What the marker becomes wherever else it appears: in the page's RSC payload Next.js repeats the
 * nonce (`"nonce":"…"`) for the scripts and styles the browser adds later, which 'self' allows anyway.
 * As long as the marker, so that no length written before it in the payload changes.
 */
export const blankedMarker = (marker: string) => "0".repeat(marker.length);

/** Every occurrence of the marker blanked: the RSC payload of a cacheable page. */
export function blankMarker(text: string, marker: string): string {
  return text.split(marker).join(blankedMarker(marker));
}

/**
 * Strips the marker from every script that carries it (`nonce="<marker>"`) and returns the SHA-256
 * hashes (CSP source expressions) of those among them that are inline, as they are sent: with the
 * marker blanked in their text too. Scripts without the marker get no hash: the browser refuses them.
 */
export function sealInlineScripts(html: string, marker: string): SealedHtml {
  const attribute = ` nonce="${marker}"`;
  const hashes = new Set<string>();
  const sealed = html.replace(SCRIPT, (_whole, attributes: string, body: string) => {
    const marked = attributes.includes(attribute);
    const rest = attributes.split(attribute).join("");
    const text = blankMarker(body, marker);
    if (marked && !/\ssrc=/i.test(rest)) hashes.add(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
    return `<script${rest}>${text}</script>`;
  });
  // Any other place Next.js might have put it (preload links): never sent.
  return { html: blankMarker(sealed.split(attribute).join(""), marker), hashes: [...hashes] };
}

/**
 * The policy with the render marker's nonce replaced by the given hashes (none: the marker removed),
 * in its script-src; the rest as it was.
 */
export function withScriptHashes(policy: string, marker: string, hashes: string[]): string {
  const directives = policy.split(";").map((directive) => directive.trim()).filter(Boolean);
  return directives
    .map((directive) => {
      if (directive !== "script-src" && !directive.startsWith("script-src ")) return directive;
      const sources = directive.split(/\s+/).filter((source) => source !== `'nonce-${marker}'`);
      return [...sources, ...hashes].join(" ");
    })
    .join("; ");
}
