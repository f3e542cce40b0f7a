import type { CookieOption, CookiesOptions } from "next-auth";

// next-auth's cookies, named and flagged by the site's address. No "server-only" and no database:
// proxy.ts reads the session cookie's name from here too (withAuth must look for the same cookie).
//
// On https every cookie is Secure and `__Host-` prefixed: the browser then refuses it unless it came
// over https, for this exact host (no Domain), for the whole site (Path=/), so neither a sibling
// subdomain nor a network attacker on http can plant or overwrite a session. Over http (local
// development, the end-to-end tests) browsers drop Secure cookies, so the names are plain.
// Always HttpOnly (no script reads them) and SameSite=Lax (not sent on cross-site POSTs; still sent
// when a staff member follows a link to the admin from elsewhere, which Strict would not).

const BASE = {
  sessionToken: "next-auth.session-token",
  callbackUrl: "next-auth.callback-url",
  csrfToken: "next-auth.csrf-token",
  pkceCodeVerifier: "next-auth.pkce.code_verifier",
  state: "next-auth.state",
  nonce: "next-auth.nonce",
} as const satisfies Record<keyof CookiesOptions, string>;

/** Cookies that only live through one sign-in round trip. */
const SHORT_LIVED = new Set<keyof CookiesOptions>(["pkceCodeVerifier", "state"]);

export function authCookies(appUrl: string): CookiesOptions {
  const secure = appUrl.trim().toLowerCase().startsWith("https://");
  const cookie = (key: keyof CookiesOptions): CookieOption => ({
    name: `${secure ? "__Host-" : ""}${BASE[key]}`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, ...(SHORT_LIVED.has(key) ? { maxAge: 15 * 60 } : {}) },
  });
  return {
    sessionToken: cookie("sessionToken"),
    callbackUrl: cookie("callbackUrl"),
    csrfToken: cookie("csrfToken"),
    pkceCodeVerifier: cookie("pkceCodeVerifier"),
    state: cookie("state"),
    nonce: cookie("nonce"),
  };
}

/** A year: the device stays known for as long as its owner keeps signing in on it. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The device cookie (lib/auth/device-cookie.ts): set on a successful staff sign-in, it lets that
 * browser keep signing in while strangers' failed attempts pause the account for everyone else.
 * Same flags and prefix rule as next-auth's cookies; it outlives sessions (a year).
 */
export function deviceCookie(appUrl: string): CookieOption {
  const secure = appUrl.trim().toLowerCase().startsWith("https://");
  return {
    name: `${secure ? "__Host-" : ""}advocate.device`,
    options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS },
  };
}
