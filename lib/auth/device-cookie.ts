import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { cookies } from "next/headers";
import { deviceCookie, DEVICE_COOKIE_MAX_AGE_SECONDS } from "@/lib/auth/cookies";
import { persistentSecret } from "@/lib/secrets";
import { siteUrl } from "@/lib/site-url";

// OWASP's "device cookies" (Slow Down Online Guessing Attacks with Device Cookies): a browser where an
// account signed in successfully gets a signed cookie naming that account. Attempts that carry one are
// counted per device, so a stranger's flood of wrong passwords (counted on the account's "untrusted
// clients" counter) does not lock the owner out of their own browser. docs/decisions/022.
//
// Value: "d1.<login, base64url>.<issued, seconds>.<nonce>.<HMAC-SHA256>". The nonce names the device
// (its attempts are counted under it); a new one is issued on every successful sign-in. The key is
// derived from NEXTAUTH_SECRET: a new secret makes every device cookie unknown (their owners then
// count as untrusted until they sign in once more).

const VERSION = "d1";

const canonical = (email: string) => email.trim().toLowerCase();

function signingKey(): Buffer {
  // Derived rather than the session secret itself, so that the two uses never share a key.
  return createHmac("sha256", persistentSecret("NEXTAUTH_SECRET", "auth-secret")).update("advocate staff device cookies v1").digest();
}

function signature(login: string, issued: string, nonce: string): string {
  return createHmac("sha256", signingKey()).update(`${VERSION}\n${login}\n${issued}\n${nonce}`).digest("base64url");
}

/** A new device cookie value for `email`. */
export function newDeviceCookieValue(email: string, now = Date.now()): string {
  const login = Buffer.from(canonical(email), "utf8").toString("base64url");
  const issued = String(Math.floor(now / 1000));
  const nonce = randomBytes(16).toString("base64url");
  return [VERSION, login, issued, nonce, signature(login, issued, nonce)].join(".");
}

/**
 * The device's id when `value` is a genuine, unexpired device cookie for `email`; otherwise null (a
 * forged, altered, expired or another account's cookie counts as no cookie at all).
 */
export function deviceIdFor(value: string | null | undefined, email: string, now = Date.now()): string | null {
  if (!value || value.length > 1000) return null;
  const parts = value.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, login, issued, nonce, mac] = parts as [string, string, string, string, string];
  if (!/^\d{1,12}$/.test(issued) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return null;
  const age = now / 1000 - Number(issued);
  if (age < -300 || age > DEVICE_COOKIE_MAX_AGE_SECONDS) return null;
  if (Buffer.from(login, "base64url").toString("utf8") !== canonical(email)) return null;
  const expected = Buffer.from(signature(login, issued, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : null;
}

/** One cookie's value from a request's Cookie header (next-auth hands authorize() the headers as an object). */
export function cookieFromHeader(header: unknown, name: string): string | null {
  const text = Array.isArray(header) ? header.join("; ") : typeof header === "string" ? header : "";
  for (const part of text.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) {
      const raw = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return null;
}

/** The device cookie sent with a sign-in request, if any. */
export function deviceCookieFromHeaders(headers: Record<string, unknown> | undefined): string | null {
  return cookieFromHeader(headers?.cookie, deviceCookie(siteUrl()).name);
}

/**
 * Sets the device cookie on the response of the request being handled. Called from next-auth's
 * authorize(): next-auth's App Router handler runs inside a Next route handler, whose cookies() is
 * writable and whose cookies Next adds to the handler's response (finalizeResponse), next-auth's own
 * Set-Cookie headers included.
 */
export async function rememberDevice(value: string): Promise<void> {
  const { name, options } = deviceCookie(siteUrl());
  (await cookies()).set(name, value, { ...options, sameSite: "lax" });
}
