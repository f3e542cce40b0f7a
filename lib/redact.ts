import { isIPv6 } from "node:net";

// What the logs must never hold: secrets (keys, passwords, tokens, the password in a database URL)
// and signers' personal data (email addresses, names, comments, network addresses). Everything a log
// line carries passes through here, messages and fields alike, so a careless call site is covered too.

export const REDACTED = "[redacted]";

/** Field names whose values are secrets, wherever they sit in a logged object. */
const SECRET_KEY = /pass(word|wd|phrase)?$|^pwd$|secret|token|authorization|cookie|api[-_]?key|credential|private[-_]?key|hmac|^session$|^salt$/i;
/** Field names whose values are a person's data: dropped (emails are masked instead, see below). */
const PERSONAL_KEY = /^(full_?name|first_?name|last_?name|given_?name|family_?name|comment|phone|client_?address|ip|ip_?address|x-forwarded-for|x-real-ip|remote_?address)$/i;

/** Environment variables whose values are secrets: their literal values are masked in any text. */
const SECRET_ENV = /SECRET|PASSWORD|_KEY$|TOKEN/;
const URL_ENV = /_URL$/;

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)([^/\s:@]*):([^@/\s]+)@/gi;
const KEY_VALUE = /\b(password|passwd|pwd|secret|token|api[_-]?key|access[_-]?token|auth[_-]?token|client_hash_key|nextauth_secret|altcha_hmac_key)(["']?\s*[:=]\s*["']?)(?!\*\*\*)([^\s"'&,;]+)/gi;
// A header quoted in text ("Authorization: Digest …", "Cookie: a=1; b=2"): the rest of the line goes.
const HEADER_LINE = /\b(authorization|proxy-authorization|cookie|set-cookie)(["']?\s*[:=]\s*["']?)(?!\*\*\*)[^\n"']+/gi;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g;
// The emailed links carry bearer tokens in their path: /confirm/<token>, /withdraw/<token>, /my-data/<token>.
const TOKEN_PATH = /\/(confirm|withdraw|my-data)\/[A-Za-z0-9_-]{8,}/g;
const EMAIL = /([^\s<>"'(),;:@[\]\\/=*][^\s<>"'(),;:@[\]\\/=]*)@((?:[a-z0-9-]+\.)+[a-z0-9-]+)/gi;
// PostgreSQL quotes the offending values in these details: 'Key (email)=(jane@…) already exists',
// 'Failing row contains (12, Jane Doe, …)'.
const PG_KEY_DETAIL = /(Key \([^)]*\)=\()[^\n]*?(\)\s+(?:already exists|is not present|is still referenced|conflicts))/g;
const PG_FAILING_ROW = /(Failing row contains \()[^\n]*(\))/g;
const IPV4 = /\b((?:25[0-5]|2[0-4]\d|1?\d?\d)\.(?:25[0-5]|2[0-4]\d|1?\d?\d)\.(?:25[0-5]|2[0-4]\d|1?\d?\d))\.(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g;
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

const MAX_STRING = 4_000;
const MAX_DEPTH = 6;

/** The values of secret environment variables (and passwords inside *_URL ones), longest first. */
function knownSecrets(): string[] {
  const found = new Set<string>();
  for (const [name, value] of Object.entries(process.env)) {
    if (!value) continue;
    if (SECRET_ENV.test(name) && value.length >= 8) found.add(value);
    if (URL_ENV.test(name)) {
      const password = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@/\s]+)@/i.exec(value)?.[1];
      if (password && password.length >= 6) {
        found.add(password);
        found.add(safeDecode(password));
      }
    }
  }
  return [...found].sort((a, b) => b.length - a.length);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** "jane.doe@example.org" -> "j***@example.org". */
export function maskEmail(local: string, domain: string): string {
  return `${local.charAt(0)}***@${domain}`;
}

/** Masks secrets, email addresses, emailed tokens and network addresses in free text. */
export function redactText(input: string): string {
  let text = input.length > MAX_STRING ? `${input.slice(0, MAX_STRING)}…[truncated]` : input;
  for (const secret of knownSecrets()) text = text.split(secret).join(REDACTED);
  text = text
    .replace(URL_CREDENTIALS, (_m, scheme: string, user: string) => `${scheme}${user}:***@`)
    .replace(HEADER_LINE, (_m, key: string, separator: string) => `${key}${separator}***`)
    .replace(KEY_VALUE, (_m, key: string, separator: string) => `${key}${separator}***`)
    .replace(AUTH_SCHEME, (_m, scheme: string) => `${scheme} ***`)
    .replace(TOKEN_PATH, (_m, route: string) => `/${route}/***`)
    .replace(PG_KEY_DETAIL, `$1${REDACTED}$2`)
    .replace(PG_FAILING_ROW, `$1${REDACTED}$2`)
    .replace(EMAIL, (_m, local: string, domain: string) => maskEmail(local, domain))
    .replace(IPV4, "$1.x")
    .replace(IPV6_CANDIDATE, (candidate) => (candidate.includes("::") || candidate.split(":").length === 8) && isIPv6(candidate) ? "[ipv6]" : candidate);
  return text;
}

/** A serialisable copy of an error: its type, code and redacted message, stack and cause. */
function redactError(error: Error, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = { type: error.name, message: redactText(prismaMessage(error.message)) };
  const { code, kind } = error as { code?: unknown; kind?: unknown };
  if (typeof code === "string" || typeof code === "number") out.code = code;
  if (typeof kind === "string") out.kind = kind;
  if (error.stack) out.stack = redactText(prismaMessage(error.stack)).split("\n").slice(0, 12).join("\n");
  if (error.cause !== undefined && depth < MAX_DEPTH) out.cause = redactValue(error.cause, depth + 1);
  return out;
}

// Prisma's "pretty" messages quote the call's arguments (names, emails, comments) between the
// "invocation:" line and the reason: keep only those two.
function prismaMessage(message: string): string {
  const lines = message.split("\n");
  const at = lines.findIndex((line) => /invocation[^\n]*:\s*$/.test(line));
  if (at === -1) return message;
  const reason = lines.slice(at + 1).filter((line) => line.trim() !== "").at(-1) ?? "";
  return [...lines.slice(0, at + 1), "  [arguments not logged]", reason].join("\n");
}

function redactValue(value: unknown, depth: number, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactText(value);
  if (value === null || typeof value === "number" || typeof value === "boolean" || value === undefined) return value;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (value instanceof Error) return redactError(value, depth);
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) return "[nested]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 100).map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Map) return redactValue(Object.fromEntries(value), depth, seen);
  if (value instanceof Set) return redactValue([...value], depth, seen);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) out[key] = item === undefined || item === null || item === "" ? item : REDACTED;
    else if (PERSONAL_KEY.test(key)) out[key] = item === undefined || item === null || item === "" ? item : "[personal]";
    else out[key] = redactValue(item, depth + 1, seen);
  }
  return out;
}

/** A copy of `value` that is safe to log: secrets and personal data masked at any depth. */
export function redact(value: unknown): unknown {
  return redactValue(value, 0);
}
