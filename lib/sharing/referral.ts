// Referral attribution. A signer's personal link is the campaign's link with `ref=<code>`; share
// buttons add `utm_source=<where>`. The signing form posts to the page's own address, query included
// (with JavaScript or without), and proxy.ts hands that query to the action in a request header: the
// page itself stays the same for every reader, so a shared cache can hold it (docs/decisions/023).
// No cookies. They are hints, never requirements: a malformed value is dropped, and the signature
// goes ahead unattributed.

export const REFERRAL_PARAM = "ref";
export const SOURCE_PARAM = "utm_source";
/** Set by proxy.ts on a signing post: the post's own `ref` and `utm_source`, as a query string. */
export const ATTRIBUTION_HEADER = "x-advocate-attribution";

const CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: codes get read aloud and retyped
const CODE_LENGTH = 10; // 32^10 ≈ 1.1e15
const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);
/** Sources are free text from a URL: keep letters, digits and a few separators, lower-cased. */
const SOURCE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._\- ]{0,49}$/u;

export type Attribution = { referral: string | null; source: string | null };

export function newReferralCode(): string {
  // Web Crypto, not node:crypto: the sign form imports this module's field names, and a node:crypto
  // import pulls a browser polyfill (and its eval probe, a CSP violation) into the page.
  const bytes = crypto.getRandomValues(new Uint8Array(CODE_LENGTH));
  let code = "";
  for (const byte of bytes) code += CODE_ALPHABET[byte % CODE_ALPHABET.length]; // 256 % 32 === 0: unbiased
  return code;
}

export function isReferralCode(value: unknown): value is string {
  return typeof value === "string" && CODE_PATTERN.test(value);
}

function cleanSource(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const source = value.normalize("NFC").trim().toLowerCase();
  return SOURCE_PATTERN.test(source) ? source : null;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** From a page's search parameters (`?ref=…&utm_source=…`). */
export function attributionFromSearch(search: Record<string, string | string[] | undefined>): Attribution {
  const referral = first(search[REFERRAL_PARAM]);
  return { referral: isReferralCode(referral) ? referral : null, source: cleanSource(first(search[SOURCE_PARAM])) };
}

/** The part of a page's query that attribution reads, as a query string ("" when none): what proxy.ts passes on. */
export function attributionQuery(search: URLSearchParams): string {
  const kept = new URLSearchParams();
  for (const name of [REFERRAL_PARAM, SOURCE_PARAM]) {
    const value = search.get(name);
    if (value !== null) kept.set(name, value);
  }
  return kept.toString();
}

/** From ATTRIBUTION_HEADER (a signing post's query). */
export function attributionFromQuery(query: string | null): Attribution {
  const search = new URLSearchParams(query ?? "");
  return attributionFromSearch({ [REFERRAL_PARAM]: search.get(REFERRAL_PARAM) ?? undefined, [SOURCE_PARAM]: search.get(SOURCE_PARAM) ?? undefined });
}

/** A campaign link carrying a referral code and/or a source, for share buttons and personal links. */
export function withAttribution(url: string, attribution: Partial<Attribution>): string {
  const parsed = new URL(url);
  if (attribution.referral) parsed.searchParams.set(REFERRAL_PARAM, attribution.referral);
  if (attribution.source) parsed.searchParams.set(SOURCE_PARAM, attribution.source);
  return parsed.toString();
}
