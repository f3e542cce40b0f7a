import "server-only";
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HOW_TO_MAKE_ONE, isProductionDeployment, ProductionSecretsError, weakSecretReason } from "@/lib/secrets-policy";

// Keys the server needs across restarts (like NEXTAUTH_SECRET in scripts/lib/secrets.ts), but read
// inside the Next server: from the environment when set, otherwise generated on first use and kept
// in DATA_DIR (mode 600), so every process on this machine uses the same one. A production deployment
// (APP_ENV=production) must set each explicitly: nothing is generated there (docs/decisions/014).

/** DATA_DIR, resolved the way lib/email/config.ts does. */
export function dataDir(): string {
  const dir = process.env.DATA_DIR?.trim() || ".data";
  // A runtime directory, not a source one: keep Turbopack from tracing the whole project for it.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir);
}

const cache = new Map<string, string>();

/** The value of `envName`, or the key kept in `DATA_DIR/fileName` (created when missing). */
export function persistentSecret(envName: string, fileName: string): string {
  const fromEnv = process.env[envName]?.trim();
  if (isProductionDeployment()) {
    // Normally caught at startup (instrumentation.ts); this guards any path that skipped it.
    const reason = weakSecretReason(fromEnv);
    if (reason) throw new ProductionSecretsError([`- ${envName} ${reason}. Make one with \`${HOW_TO_MAKE_ONE}\` and set it in the environment.`]);
  }
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir(), fileName);
  let secret = cache.get(file);
  if (!secret) {
    secret = readOrCreate(file);
    cache.set(file, secret);
  }
  return secret;
}

function readExisting(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim() || null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function readOrCreate(file: string): string {
  const existing = readExisting(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  // Written whole to a temporary file, then linked into place: link fails when the file exists, so two
  // processes starting together end up with the same key, and nobody ever reads a half-written one.
  const secret = randomBytes(32).toString("base64url");
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temporary, `${secret}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = readExisting(file);
    if (!winner) throw new Error(`${file} exists but is empty: remove it and restart.`);
    return winner;
  } finally {
    unlinkSync(temporary);
  }
}
