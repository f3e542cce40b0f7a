import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), as OWASP recommends.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verified against when the account does not exist, so that a wrong email takes as long as a wrong password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$VBcfg2WthMZ25mouSmWVfQ$Qrjv3li5UKCA2pgpwRxYyzDq+NAIZ4a6Mbr9wEwdoY8";

/** How long a verification takes on this machine, smoothed over the recent ones (milliseconds). */
let typicalVerifyMs = 50;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const started = performance.now();
  try {
    const ok = await verify(passwordHash ?? DUMMY_HASH, password);
    return passwordHash !== null && ok;
  } catch {
    return false;
  } finally {
    typicalVerifyMs = 0.8 * typicalVerifyMs + 0.2 * Math.min(performance.now() - started, 2_000);
  }
}

/**
 * Waits about as long as a password verification takes, without doing one: a sign-in refused by the
 * throttle answers after the same time as a wrong password (so the pause cannot be told from it),
 * while a flood of refused attempts costs the server timers rather than argon2's CPU and memory.
 */
export function waitLikeAVerification(): Promise<void> {
  const ms = typicalVerifyMs * (0.85 + Math.random() * 0.3);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
