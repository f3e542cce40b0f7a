import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { persistentSecret } from "@/lib/secrets";

// The one-click unsubscribe link of an update's mail (RFC 8058): the signature and the update it came
// from, signed with the site's key. Nothing is stored per mail, so a million recipients cost no rows;
// the link works as long as the signature exists (it only ever turns consent off).

const key = () => persistentSecret("CLIENT_HASH_KEY", "client-hash-key");
const sign = (payload: string) => createHmac("sha256", key()).update(`unsubscribe:${payload}`).digest("base64url").slice(0, 32);

export function unsubscribeToken(signatureId: number, updateId: number): string {
  const payload = `${signatureId.toString(36)}-${updateId.toString(36)}`;
  return `${payload}-${sign(payload)}`;
}

/** The ids a token names, or null when it is not one of ours. */
export function readUnsubscribeToken(token: string): { signatureId: number; updateId: number } | null {
  const match = /^([0-9a-z]{1,10})-([0-9a-z]{1,10})-([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const expected = Buffer.from(sign(`${match[1]}-${match[2]}`));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { signatureId: parseInt(match[1]!, 36), updateId: parseInt(match[2]!, 36) };
}
