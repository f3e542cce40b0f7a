// The security headers of every response that proxy.ts sees (pages, route handlers, server actions),
// with a Content-Security-Policy carrying a fresh nonce per request. No "server-only": proxy.ts and
// the unit tests import it. Static files (/_next/static, which proxy.ts skips) get theirs from
// next.config.js. Why each value: docs/decisions/012-headers-origins-two-factor.md.

export type SecurityEnv = {
  /** The site's public address (APP_URL), e.g. "https://act.example.org". */
  appUrl: string;
  /** APP_ENV=production or NODE_ENV=production. */
  production: boolean;
  /** `next dev`: React needs eval for its error overlay. */
  development: boolean;
  /** EMBED_ALLOWED_ORIGINS: who may frame /embed/*; unset means any site. */
  embedAllowedOrigins: string | undefined;
};

export function securityEnv(env: Record<string, string | undefined> = process.env): SecurityEnv {
  const configured = env.APP_URL?.trim();
  return {
    appUrl: (configured || `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
    production: env.APP_ENV === "production" || env.NODE_ENV === "production",
    development: env.NODE_ENV === "development",
    embedAllowedOrigins: env.EMBED_ALLOWED_ORIGINS,
  };
}

/** A CSP nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export const isHttps = (url: string): boolean => url.startsWith("https://");

/** The embeddable widget's pages, the only ones other sites may frame. */
export function isEmbedPath(pathname: string): boolean {
  return pathname === "/embed" || pathname.startsWith("/embed/");
}

// An origin as CSP's frame-ancestors accepts it: scheme, host (optionally "*." first), port. Anything
// else (paths, quotes, semicolons that would end the directive) is dropped.
const FRAME_ANCESTOR = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/**
 * Who may frame the page. Everything but the widget: nobody. The widget: any site, or only the
 * origins listed in EMBED_ALLOWED_ORIGINS (separated by spaces or commas). A list with no usable
 * entry allows nobody, so that a typo fails closed rather than open.
 */
export function frameAncestors(pathname: string, env: Pick<SecurityEnv, "embedAllowedOrigins">): string {
  if (!isEmbedPath(pathname)) return "'none'";
  const configured = env.embedAllowedOrigins?.trim();
  if (!configured || configured === "*") return "*";
  const origins = configured
    .split(/[\s,]+/)
    .map((entry) => entry.trim().toLowerCase().replace(/\/+$/, ""))
    .filter((entry) => FRAME_ANCESTOR.test(entry));
  return origins.length > 0 ? [...new Set(origins)].join(" ") : "'none'";
}

/**
 * `sealed`: a page a shared cache holds (lib/net/cacheable-pages.ts), whose nonce is the render marker.
 * Next.js reads it as any nonce; the front server replaces it with the hashes of the page's own inline
 * scripts before the response leaves (lib/security/sealed-html.ts, docs/decisions/023). Without
 * 'strict-dynamic', the page's chunks load as files of this site ('self').
 */
/** The staff's pages (a path within a language). */
const ADMIN_PATH = /^\/admin(?:\/|$)/;

type PolicyInput = { nonce: string; pathname: string; env: SecurityEnv; sealed?: boolean };

export function contentSecurityPolicy({ nonce, pathname, env, sealed = false }: PolicyInput): string {
  const directives = [
    "default-src 'self'",
    // Next.js puts this nonce on its own scripts (it reads it from the request's CSP header);
    // 'strict-dynamic' lets those load the page's chunks. No 'unsafe-inline' for scripts.
    `script-src 'self' 'nonce-${nonce}'${sealed ? "" : " 'strict-dynamic'"}${env.development ? " 'unsafe-eval'" : ""}`,
    // Server-rendered style attributes (progress bars, vote bars) and the proof-of-work widget's
    // injected <style>: a nonce here would disable 'unsafe-inline', and attributes cannot carry one.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The proof of work (altcha) solves in a Web Worker built from a blob: URL.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    // The letters to a campaign's targets are answered with a redirect to the signer's mail app (a
    // mailto: link), which form-action governs too (app/[locale]/(site)/c/[slug]/write/[target]/route.ts).
    // Every public page allows it: the write page is often reached by a client-side navigation, which
    // keeps the policy of the page it started from. The admin's forms never leave the site.
    `form-action 'self'${ADMIN_PATH.test(pathname) ? "" : " mailto:"}`,
    `frame-ancestors ${frameAncestors(pathname, env)}`,
  ];
  if (isHttps(env.appUrl)) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export const PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

/** HSTS only for a production site on https: on http it would be ignored, on a dev machine it would stick. */
export function strictTransportSecurity(env: SecurityEnv): string | null {
  return env.production && isHttps(env.appUrl) ? "max-age=63072000" : null;
}

/** Every security header of a response, by name. */
export function securityHeaders({ nonce, pathname, env, sealed = false }: PolicyInput): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy({ nonce, pathname, env, sealed }),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": PERMISSIONS_POLICY,
  };
  // frame-ancestors is the real rule; X-Frame-Options is for browsers without it. It has no
  // "these sites" form that works, so the widget's pages send none.
  if (!isEmbedPath(pathname)) headers["X-Frame-Options"] = "DENY";
  const hsts = strictTransportSecurity(env);
  if (hsts) headers["Strict-Transport-Security"] = hsts;
  return headers;
}
