import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { persistentSecret } from "@/lib/secrets";

// Secrets the app must read back later (staff TOTP secrets), stored encrypted: AES-256-GCM under a
// key derived from TOTP_ENCRYPTION_KEY (or, when unset, a key generated once and kept in
// DATA_DIR/totp-encryption-key, like the other keys in lib/secrets.ts). A database dump or backup alone
// does not reveal them. The `context` (e.g. "totp:42") is authenticated with the ciphertext, so a
// value copied into another account's row does not decrypt there.

const FORMAT = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", persistentSecret("TOTP_ENCRYPTION_KEY", "totp-encryption-key"), "advocate", "advocate secret box v1", 32));
}

export function sealSecret(plain: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The plain secret, or null when the value was altered, belongs to another context or another key. */
export function openSecret(box: string, context: string): string | null {
  const [format, iv, tag, sealed] = box.split(".");
  if (format !== FORMAT || !iv || !tag || sealed === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
