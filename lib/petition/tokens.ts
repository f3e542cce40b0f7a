import { createHash, randomBytes } from "node:crypto";

// Links mailed to signers carry a random token; the database keeps only its SHA-256, so a leaked
// database cannot be used to confirm or withdraw anything.

export const CONFIRM_TOKEN_DAYS = 7;
export const WITHDRAW_TOKEN_DAYS = 400;

export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens are 43 base64url characters; anything else is rejected before touching the database. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function daysFromNow(days: number, now = new Date()): Date {
  return new Date(now.getTime() + days * 24 * 60 * 60 * 1000);
}
