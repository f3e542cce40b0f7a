import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import createIntlMiddleware from "next-intl/middleware";
import { routing } from "@/i18n/routing";
import { authCookies } from "@/lib/auth/cookies";
import { isLocale, LOCALE_DIRECTIONS, LOCALES, type Locale } from "@/lib/i18n/locales";
import { databaseOutageSince, databaseStillDown, noteIfDatabaseUnavailable } from "@/lib/database/outage";
import { RETRY_AFTER_SECONDS, unavailableResponse } from "@/lib/db-unavailable";
import { escapeHtml } from "@/lib/html";
import { translator } from "@/lib/i18n/catalogs";
import { log, REQUEST_ID_HEADER, withRequestId } from "@/lib/log";
import { CACHE_MARK_HEADER, isCacheablePage, renderMarker } from "@/lib/net/cacheable-pages";
import { floodGate } from "@/lib/petition/flood-gate";
import { bodySizeVerdict } from "@/lib/security/body-size";
import { createNonce, securityEnv, securityHeaders } from "@/lib/security/headers";
import { checkOrigin } from "@/lib/security/origin";
import { ATTRIBUTION_HEADER, attributionQuery } from "@/lib/sharing/referral";

// Runs on every request except static files. None of its jobs is authorization:
// - languages: a page path without one (/c/x) is redirected to the reader's (/ur/c/x), from
//   Accept-Language (next-intl); the language of a path that has one is passed on to the app;
// - security headers on every response, with a fresh CSP nonce that Next.js puts on its scripts
//   (lib/security/headers.ts); except on the public pages a shared cache may hold
//   (lib/net/cacheable-pages.ts): those are rendered with the process's render marker as nonce and
//   marked, and the front server turns the marker into script hashes (docs/decisions/023);
// - the votes lookup (?country=) and the campaign page's old ?country= links are redirected to the
//   country's own lookup page, /c/x/votes/PAK, so that no page reads its query;
// - state-changing requests from other sites get HTTP 403 (lib/security/origin.ts);
// - request bodies over 64 KB get HTTP 413, except on the admin's campaign editing pages (the vote
//   import), and bodies of unknown length 411 (lib/security/body-size.ts);
// - the admin: anonymous visitors are sent to the login page early (the real checks are in every
//   admin page, action and route, lib/auth/session.ts);
// - the signing form (campaign page and widget): a network flooding a campaign gets HTTP 429 before
//   the action runs; the post's own ?ref= and ?utm_source= are handed to the action (lib/sharing/referral.ts).
const env = securityEnv();
// One per language, so that the login page it sends anonymous visitors to is in theirs.
const adminRedirects = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    withAuth({
      pages: { signIn: `/${locale}/admin/login` },
      // The same cookie name as lib/auth/options.ts sets (`__Host-` on https).
      cookies: { sessionToken: authCookies(env.appUrl).sessionToken },
    }),
  ]),
) as Record<Locale, ReturnType<typeof withAuth>>;
const handleLanguage = createIntlMiddleware(routing);
// Paths that have no language: the API, Next's own, files (sitemap.xml, robots.txt).
const OUTSIDE_LANGUAGES = /^\/(?:api|_next)(?:\/|$)|\.[a-z0-9]+$/i;
// Set for next-intl's getRequestConfig (next-intl/dist/.../shared/constants.js HEADER_LOCALE_NAME).
const LOCALE_HEADER = "X-NEXT-INTL-LOCALE";

const ONE_CLICK_UNSUBSCRIBE = /^\/api\/unsubscribe\/[^/]+$/;
const SIGNING_PAGE = /^\/(?:c|embed)\/([^/]+)$/;
const CAMPAIGN_PAGE = /^\/c\/([^/]+)$/;
const VOTES_PAGE = /^\/c\/([^/]+)\/votes$/;
/** What the votes page's lookup may be asked for: a country code, or anything else (answered "unknown"). */
const lookupCountry = (value: string) => (/^[a-z]{3}$/i.test(value) ? value.toUpperCase() : "unknown");
/** The lookup's own pages: /c/x/votes/PAK and /c/x/votes/unknown; any other path under /votes/ is not a page. */
const VOTES_SUBPAGE = /^\/c\/[^/]+\/votes\/(.*)$/;
const isLookupPage = (rest: string) => /^(?:[A-Z]{3}|unknown)$/.test(rest);
// What the matcher used to be: "/admin" and "/admin/((?!login).*)".
const isAdminPage = (pathname: string) => pathname === "/admin" || (pathname.startsWith("/admin/") && !pathname.startsWith("/admin/login"));

const plainText = (body: string, status: number, headers: Record<string, string> = {}) =>
  new NextResponse(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/**
 * While the database is away (lib/database/outage.ts): 503 "try again" instead of rendering a page
 * that would fail with 500. A page gets a short page in its language with a link to try again; a
 * form's post gets the plain sentence the signing form's 503 has always had (nothing was saved).
 */
function unavailable(request: NextRequest, locale: Locale): Response {
  if (request.method !== "GET" && request.method !== "HEAD") return unavailableResponse();
  const t = translator(locale, "Unavailable");
  const again = escapeHtml(`${request.nextUrl.pathname}${request.nextUrl.search}`);
  const html =
    `<!doctype html><html lang="${locale}" dir="${LOCALE_DIRECTIONS[locale]}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
    `<title>${escapeHtml(t("title"))}</title></head><body><main><h1>${escapeHtml(t("title"))}</h1>` +
    `<p>${escapeHtml(t("body"))}</p><p><a href="${again}">${escapeHtml(t("retry"))}</a></p></main></body></html>`;
  return new NextResponse(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER_SECONDS) } });
}

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const [, first = "", ...rest] = request.nextUrl.pathname.split("/");
  const locale = isLocale(first) ? first : null;
  // The path within the language: "/ur/c/x" -> "/c/x".
  const pathname = locale ? `/${rest.join("/")}` : request.nextUrl.pathname;
  // A cacheable page is rendered with the render marker (never sent out); every other response gets a fresh nonce.
  const marker = locale ? renderMarker() : null;
  const cacheable = marker !== null && isCacheablePage(request.method, pathname);
  const nonce = cacheable ? marker : createNonce();
  const security = securityHeaders({ nonce, pathname, env, sealed: cacheable });
  if (cacheable) security[CACHE_MARK_HEADER] = "1";
  // A request id for every log line of this request (lib/log.ts), echoed to the caller.
  const requestHeaders = withRequestId(request);
  // Only this proxy says what a signing post's address carried.
  requestHeaders.delete(ATTRIBUTION_HEADER);
  // The proxy runs before any page or route, so requestLog() (next/headers) cannot see the id yet:
  // bind it here, so that these lines join the request's others in the log.
  const logger = log.child({ requestId: requestHeaders.get(REQUEST_ID_HEADER) });
  const finish = (response: Response) => {
    for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
    response.headers.set(REQUEST_ID_HEADER, requestHeaders.get(REQUEST_ID_HEADER)!);
    return response;
  };

  // A malformed percent-encoding (/c/%ff) would fail in Next's own decoding of the route: a 500.
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return finish(plainText("Bad request: the address is not well formed.", 400));
  }

  const verdict = checkOrigin({
    method: request.method,
    origin: request.headers.get("origin"),
    secFetchSite: request.headers.get("sec-fetch-site"),
    host: request.headers.get("host"),
    appUrl: env.appUrl,
  });
  // The one-click unsubscribe (RFC 8058) is posted by mail providers' servers, without an Origin. It
  // can only turn a signer's consent off, and its signed token is the authority (lib/updates).
  if (!verdict.allowed && !ONE_CLICK_UNSUBSCRIBE.test(pathname)) {
    logger.warn("proxy: refused a cross-site request", { method: request.method, path: pathname, reason: verdict.reason });
    return finish(plainText("Refused: this request did not come from a page of this site.", 403));
  }

  const size = bodySizeVerdict({
    method: request.method,
    pathname,
    contentLength: request.headers.get("content-length"),
    transferEncoding: request.headers.get("transfer-encoding"),
  });
  if (!size.allowed) {
    logger.warn("proxy: refused a request body", { method: request.method, path: pathname, reason: size.reason });
    const answer = size.status === 413 ? "Refused: the request is too large." : "Refused: the request must state the length of its body (Content-Length).";
    return finish(plainText(answer, size.status));
  }

  if (!locale) {
    if (!OUTSIDE_LANGUAGES.test(pathname)) {
      // next-intl redirects a path without a language to the reader's. It would also rewrite one whose
      // language is percent-encoded (/%65n/c/x) to the page itself, with the client's own headers and
      // none of this proxy's work (nonce or render marker, attribution, flood gate): refused instead.
      const answer = handleLanguage(request);
      if (answer.status >= 300 && answer.status < 400 && answer.headers.has("location")) return finish(answer);
      return finish(plainText("Not found.", 404));
    }
  } else if (isAdminPage(pathname)) {
    const redirect = await adminRedirects[locale](request as NextRequestWithAuth, event);
    if (redirect) return finish(redirect);
  }

  const votesSubpage = locale ? VOTES_SUBPAGE.exec(pathname) : null;
  if (votesSubpage && !isLookupPage(votesSubpage[1]!)) return finish(plainText("Not found.", 404));

  // Once a request has found the database away, pages answer 503 until a probe finds it back.
  if (locale && databaseOutageSince() !== null && (await databaseStillDown())) return finish(unavailable(request, locale));

  const campaign = locale ? SIGNING_PAGE.exec(pathname) : null;
  if (request.method === "POST" && campaign) {
    requestHeaders.set(ATTRIBUTION_HEADER, attributionQuery(request.nextUrl.searchParams));
    try {
      const gate = await floodGate(decodeURIComponent(campaign[1]!), request.headers);
      if (gate.flooding) {
        // Once per network and window: the start of its keyed hash, as /admin/integrity shows networks.
        if (gate.started) logger.warn("proxy: a network is flooding a campaign's form", { campaign: campaign[1], network: gate.network });
        return finish(plainText("Too many signatures from your network. Please try again in a few minutes.", 429, { "Retry-After": "60" }));
      }
    } catch (error) {
      // The database is down or restarting: the action could not save either, so say so now (docs/decisions/013).
      if (noteIfDatabaseUnavailable(error)) return finish(unavailableResponse());
      // The gate is a first line only: if it cannot count, the action's own limits still apply.
      logger.error("proxy: flood gate failed", { error });
    }
  }

  // Next.js reads the nonce from the request's CSP header while rendering; x-nonce is for our own code.
  requestHeaders.set("x-nonce", nonce);
  if (locale) requestHeaders.set(LOCALE_HEADER, locale);
  requestHeaders.set("Content-Security-Policy", security["Content-Security-Policy"]!);

  const country = request.nextUrl.searchParams.get("country");
  if (locale && request.method === "GET" && country !== null) {
    const lookup = CAMPAIGN_PAGE.exec(pathname) ?? VOTES_PAGE.exec(pathname);
    // The lookup's GET form (and the campaign page's old ?country= links) go to the country's own
    // lookup page, which a shared cache can hold. Built on nextUrl, whose origin Next.js sends as a
    // relative Location (a rewrite would not do: Next.js proxies one to an origin it does not
    // recognise as its own, over HTTP).
    if (lookup) {
      const target = request.nextUrl.clone();
      target.pathname = `/${locale}/c/${lookup[1]}/votes/${lookupCountry(country)}`;
      target.search = "";
      target.hash = "my-country";
      return finish(NextResponse.redirect(target, 307));
    }
  }
  return finish(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = {
  // Static files get their headers from next.config.js; they need no nonce and no check.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
