// Cross-site request refusal for everything that changes state (server actions are POSTs; so are
// next-auth's sign-in and sign-out). No "server-only": proxy.ts imports it. The rules and why:
// docs/decisions/012-headers-origins-two-factor.md.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export type OriginCheckInput = {
  method: string;
  /** The request's Origin header. */
  origin: string | null;
  /** The request's Sec-Fetch-Site header (sent by current browsers). */
  secFetchSite: string | null;
  /** The request's Host header, as the server received it. */
  host: string | null;
  /** The site's public address (APP_URL). */
  appUrl: string;
};

export type OriginVerdict = { allowed: true } | { allowed: false; reason: string };

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** "Example.org:80" as URL.host writes it for that scheme ("example.org"); null when not a plain host. */
function normalisedHost(protocol: string, host: string): string | null {
  const value = host.trim();
  if (!value || /[/@\\?#\s]/.test(value)) return null;
  try {
    return new URL(`${protocol}//${value}`).host;
  } catch {
    return null;
  }
}

/**
 * Whether a request may go on. Reading requests always may. A state-changing one must come from a
 * page of this site: its Origin must be the site's public address (APP_URL), or name the very host
 * the request was sent to (the Host header, which a browser sets and a page cannot forge, so this
 * holds behind a proxy that keeps Host and on a machine reached by several names). A missing or
 * "null" Origin (sandboxed frames, privacy redirects, scripts that do not say) is refused, and so is
 * anything the browser itself labels as coming from another site (Sec-Fetch-Site).
 */
export function checkOrigin({ method, origin, secFetchSite, host, appUrl }: OriginCheckInput): OriginVerdict {
  if (!isStateChanging(method)) return { allowed: true };
  const site = secFetchSite?.trim().toLowerCase();
  // "same-site" is a sibling subdomain: another site as far as we are concerned.
  if (site && site !== "same-origin" && site !== "none") return { allowed: false, reason: `Sec-Fetch-Site is ${site}` };
  const value = origin?.trim();
  if (!value) return { allowed: false, reason: "no Origin header" };
  if (value === "null") return { allowed: false, reason: "Origin is null" };
  const requestOrigin = originOf(value);
  if (!requestOrigin || !/^https?:\/\//.test(requestOrigin)) return { allowed: false, reason: "Origin is not a web origin" };
  if (requestOrigin === originOf(appUrl)) return { allowed: true };
  const { protocol, host: originHost } = new URL(requestOrigin);
  if (host && originHost === normalisedHost(protocol, host)) return { allowed: true };
  return { allowed: false, reason: "Origin is another site" };
}
