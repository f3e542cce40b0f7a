// Normalisation shared by the form schema and the duplicate check.

/** Trimmed, NFC-normalised, inner runs of whitespace collapsed to one space. */
// NUL is dropped: PostgreSQL text cannot store it, and no one types it.
const NUL = /\u0000/g;

export function normaliseText(value: string): string {
  return value.normalize("NFC").replace(NUL, "").replace(/\s+/g, " ").trim();
}

/** Like normaliseText but keeps line breaks (comments). */
export function normaliseMultiline(value: string): string {
  return value
    .normalize("NFC")
    .replace(NUL, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[^\S\n]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

/**
 * One address per person: lower-cased, plus-tag removed, and for Gmail the dots removed and
 * googlemail.com folded into gmail.com (Gmail ignores both).
 */
export function canonicalEmail(email: string): string {
  const lower = email.normalize("NFC").trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at < 1) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}

/** The first word of a full name, for public lists of recent signers. */
export function firstName(fullName: string): string {
  return normaliseText(fullName).split(" ")[0] ?? "";
}
