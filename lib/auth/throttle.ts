import "server-only";
import { createHmac } from "node:crypto";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { unnamedStatements } from "@/lib/database/unnamed-statements";
import { serverEnv } from "@/lib/env";
import { persistentSecret } from "@/lib/secrets";

// Staff sign-in attempts, counted in PostgreSQL (the RateLimit table) so that every app instance
// shares the counts. Every attempt is counted BEFORE anything is checked, by rate-limiter-flexible's
// consume(): one atomic UPSERT per counter, so attempts made at the same moment are all counted and
// none slips between a check and its count. A success gives its own point back (or clears its
// device's count). docs/decisions/022 (OWASP's device cookies).
//
// - device: attempts carrying a valid device cookie for the account, per device. Over its limit that
//   device is paused; its attempts are then counted like an unknown client's.
// - untrusted: the account's attempts from unknown clients (no valid device cookie), keyed by the
//   typed email whether or not an account has it. Over its limit, unknown clients are refused for a
//   while, but the owner's known devices still get in, and so does a right password with a right
//   second factor.
// - network: unknown clients' attempts per client network, whichever accounts they try.
// - code: second-factor codes tried after a right password (the way round the untrusted pause must
//   not become a way to guess codes without limit).
// - session: checks made from a signed-in session (the current password when changing it, a code to
//   turn two-factor sign-in off), per account and purpose, so a stolen session cannot guess.
// Keys are HMACs under CLIENT_HASH_KEY (docs/decisions/011): no email or network address is stored.

export const WINDOW_SECONDS = 15 * 60;
export const DEVICE_LIMIT = 10;
export const UNTRUSTED_LIMIT = 10;
export const NETWORK_LIMIT = 20;
export const CODE_LIMIT = 10;
export const SESSION_CHECK_LIMIT = 10;

type Kind = "device" | "untrusted" | "network" | "code" | "session";
const LIMITS: Record<Kind, number> = { device: DEVICE_LIMIT, untrusted: UNTRUSTED_LIMIT, network: NETWORK_LIMIT, code: CODE_LIMIT, session: SESSION_CHECK_LIMIT };

const globalForThrottle = globalThis as unknown as { advocateSignInLimiters?: Record<Kind, RateLimiterPostgres> };

function limiter(kind: Kind): RateLimiterPostgres {
  if (!globalForThrottle.advocateSignInLimiters) {
    const pool = new Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
    const make = (name: Kind) =>
      new RateLimiterPostgres({
        storeClient: unnamedStatements(pool), // PgBouncer in transaction pooling: no named statements
        storeType: "pool",
        tableName: "RateLimit",
        tableCreated: true, // created by the migration admin_search_rate_limits
        keyPrefix: `sign-in-${name}`,
        points: LIMITS[name],
        // A fixed window from a key's first attempt: over the limit, the key is refused until the
        // window ends (at most 15 minutes), then counts afresh. No blockDuration: a block would
        // rewrite the count, and every attempt must stay counted (the audit entry is written by
        // the one attempt that goes over the limit, once per window).
        duration: WINDOW_SECONDS,
      });
    globalForThrottle.advocateSignInLimiters = { device: make("device"), untrusted: make("untrusted"), network: make("network"), code: make("code"), session: make("session") };
  }
  return globalForThrottle.advocateSignInLimiters[kind];
}

const canonical = (email: string) => email.trim().toLowerCase();

function keyOf(...parts: (string | number)[]): string {
  return createHmac("sha256", persistentSecret("CLIENT_HASH_KEY", "client-hash-key")).update(`sign-in\n${parts.join("\n")}`).digest("base64url");
}

type Counted = { kind: Kind; key: string; allowed: boolean; consumed: number };

/** Counts one attempt on one counter (atomically) and says whether it was within the limit. */
async function count(kind: Kind, key: string): Promise<Counted> {
  try {
    const result = await limiter(kind).consume(key);
    return { kind, key, allowed: true, consumed: result.consumedPoints };
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    return { kind, key, allowed: false, consumed: error.consumedPoints };
  }
}

export type SignInAttempt = {
  email: string;
  /** The client's network (lib/net/client-address.ts). */
  network: string;
  /** The device's id when the request carried a valid device cookie for this account. */
  deviceId: string | null;
};

export type Admission = {
  /** Every counter the attempt went through was within its limit: the credentials may be checked. */
  admitted: boolean;
  /** Refused by the account's untrusted-clients counter alone: a right second factor still passes. */
  refusedOnlyAsUntrusted: boolean;
  /** This attempt took the untrusted counter over its limit: true for one attempt per window. */
  untrustedLimitReached: boolean;
  counted: Counted[];
};

/** Counts a sign-in attempt, before anything about it is checked. */
export async function countSignInAttempt({ email, network, deviceId }: SignInAttempt): Promise<Admission> {
  const counted: Counted[] = [];
  if (deviceId) {
    const device = await count("device", keyOf("device", canonical(email), deviceId));
    if (device.allowed) return { admitted: true, refusedOnlyAsUntrusted: false, untrustedLimitReached: false, counted: [device] };
    // A device over its own limit is treated as an unknown client (OWASP's lockout list).
    counted.push(device);
  }
  const [untrusted, fromNetwork] = await Promise.all([count("untrusted", keyOf("account", canonical(email))), count("network", keyOf("network", network))]);
  counted.push(untrusted, fromNetwork);
  return {
    admitted: untrusted.allowed && fromNetwork.allowed,
    refusedOnlyAsUntrusted: !untrusted.allowed && fromNetwork.allowed,
    untrustedLimitReached: untrusted.consumed === UNTRUSTED_LIMIT + 1,
    counted,
  };
}

/** Counts a second-factor code tried after a right password, before it is checked (`allowed` false: the account's codes are paused). */
export async function countSecondFactorAttempt(accountId: number): Promise<Counted> {
  return count("code", keyOf("code", accountId));
}

/**
 * After a successful sign-in: every counter that let the attempt through gets its point back, and the
 * device's count is cleared. Counters that refused it keep their count: a success through the
 * second factor does not lift the pause strangers caused.
 */
export async function signInSucceeded(counted: Counted[]): Promise<void> {
  await Promise.all(
    counted.filter((entry) => entry.allowed).map((entry) => (entry.kind === "device" ? limiter("device").delete(entry.key) : limiter(entry.kind).reward(entry.key, 1))),
  );
}

export type SessionCheck = "password-change" | "two-factor-disable";

/** Counts a check made from a signed-in session (before it is made); false when paused. */
export async function countSessionCheck(purpose: SessionCheck, accountId: number): Promise<boolean> {
  return (await count("session", keyOf(purpose, accountId))).allowed;
}

/** A session check that passed gives its point back. */
export async function sessionCheckSucceeded(purpose: SessionCheck, accountId: number): Promise<void> {
  await limiter("session").reward(keyOf(purpose, accountId), 1);
}

/** The counts an account's unknown clients and a network have used in the current window (for tests and support). */
export async function signInCounts(email: string, network: string): Promise<{ untrusted: number; network: number }> {
  const [untrusted, fromNetwork] = await Promise.all([limiter("untrusted").get(keyOf("account", canonical(email))), limiter("network").get(keyOf("network", network))]);
  return { untrusted: untrusted?.consumedPoints ?? 0, network: fromNetwork?.consumedPoints ?? 0 };
}
