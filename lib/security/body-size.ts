import { isStateChanging } from "@/lib/security/origin";

// How large a request body proxy.ts lets through. Next's limit for server actions is one for the
// whole app (next.config.js, serverActions.bodySizeLimit: 4 MB, for the vote import's CSV), so any
// stranger could post 4 MB to any page's action. proxy.ts refuses a body over 64 KB unless it is
// posted to one of the admin's campaign editing pages, before the action parses anything.
// No "server-only": proxy.ts imports it. docs/decisions/022.

export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Paths (within the language) whose forms may post up to Next's 4 MB: the campaign page of the admin
 * (its vote import sends a CSV of up to 1 MB, and its campaign form a statement of up to 50,000
 * characters), and, for that statement, the new-campaign and translation pages. All are admin pages:
 * proxy.ts sends visitors without a session to the login page anyway.
 */
const LARGE_BODY_PAGES = /^\/admin\/campaigns\/(?:new|\d{1,10}|\d{1,10}\/translations\/[a-z]{2,3})$/;

export type BodyVerdict = { allowed: true } | { allowed: false; status: 411 | 413; reason: string };

export type BodyRequest = {
  method: string;
  /** The path within the language ("/admin/campaigns/12"), or the whole path outside languages. */
  pathname: string;
  /** The Content-Length header. */
  contentLength: string | null;
  /** The Transfer-Encoding header (a body of unknown length: chunked). */
  transferEncoding: string | null;
};

export function mayPostLargeBody(pathname: string): boolean {
  return LARGE_BODY_PAGES.test(pathname);
}

/**
 * Whether a request's body may go on, from its headers alone (the body is never read here). A body
 * of unknown length (Transfer-Encoding without Content-Length) cannot be measured without reading
 * it, so outside the large-body pages it is refused outright with 411: browsers state the length of
 * every form post and fetch body they send.
 */
export function bodySizeVerdict({ method, pathname, contentLength, transferEncoding }: BodyRequest): BodyVerdict {
  if (!isStateChanging(method) || mayPostLargeBody(pathname)) return { allowed: true };
  const length = contentLength?.trim() ?? "";
  if (length === "") {
    if (transferEncoding?.trim()) return { allowed: false, status: 411, reason: "a body of unknown length" };
    return { allowed: true };
  }
  if (!/^\d{1,15}$/.test(length)) return { allowed: false, status: 411, reason: "a malformed Content-Length" };
  if (Number(length) > BODY_LIMIT_BYTES) return { allowed: false, status: 413, reason: `a body of ${length} bytes` };
  return { allowed: true };
}
