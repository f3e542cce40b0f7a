// The public pages that a shared cache (nginx, a CDN) may hold: the same for every reader, rendered by
// Next.js at most once per PAGE_REVALIDATE_SECONDS per language (ISR), served from its cache in
// between. Everything else (thank-you and token pages, the admin, posts) is rendered per request and
// answered `private, no-store`. Why and how the script policy survives caching: docs/decisions/023.
// No node: imports: proxy.ts reads this.

/**
 * How often a cached page is rendered again (each page's `export const revalidate` says the same), and
 * how long a shared cache holds it fresh. Under steady readers a count behind nginx is up to both old
 * plus a render and a refresh: 5 + 5 measured 10.4 s once (session 8), past the 10 s promise; 4 + 4
 * leaves room.
 */
export const PAGE_REVALIDATE_SECONDS = 4;
/** After this long a cached page is never served again: the next reader waits for a fresh one (next.config.js expireTime). */
export const PAGE_EXPIRE_SECONDS = 10;
/** What a shared cache is told: hold it PAGE_REVALIDATE_SECONDS, then serve it stale while fetching anew, up to PAGE_EXPIRE_SECONDS in all. */
export const PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${PAGE_EXPIRE_SECONDS - PAGE_REVALIDATE_SECONDS}`;
/** Every other page and every answer to a form. */
export const PRIVATE_CACHE_CONTROL = "private, no-store";

/** proxy.ts marks a cacheable page's response with it; the front server acts on it and removes it. */
export const CACHE_MARK_HEADER = "x-advocate-cacheable";

// Paths within a language (proxy.ts strips "/en"): the home page, the privacy page, a campaign, its
// votes (and a country looked up there, see proxy.ts), a country's page, the letters to its targets, the widget.
const CACHEABLE = [/^\/$/, /^\/privacy$/, /^\/c\/[^/]+$/, /^\/c\/[^/]+\/votes(?:\/[^/]+)?$/, /^\/c\/[^/]+\/country\/[^/]+$/, /^\/c\/[^/]+\/write$/, /^\/embed\/[^/]+$/];

export function isCacheablePage(method: string, pathname: string): boolean {
  return (method === "GET" || method === "HEAD") && CACHEABLE.some((pattern) => pattern.test(pathname));
}

// The render marker: a nonce that every cached render carries and the front server strips
// (lib/security/sealed-html.ts). One per server process, never sent to a browser. Set by the front
// server; without it (`next start` by hand) cacheable pages fall back to a nonce per request.
const holder = globalThis as unknown as { advocateRenderMarker?: string };

export function setRenderMarker(marker: string): void {
  holder.advocateRenderMarker = marker;
}

export function renderMarker(): string | null {
  return holder.advocateRenderMarker ?? null;
}
