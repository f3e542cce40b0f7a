import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/env";
import { POOL_DEFAULTS } from "@/lib/db";
import { unnamedStatements } from "@/lib/database/unnamed-statements";
import { log } from "@/lib/log";

// Signatures per client network per campaign, counted in PostgreSQL (the RateLimit table, created by
// a migration) so that every app instance shares the counts. Defaults as on the UK Parliament's
// petitions site: a burst of 1 per 60 seconds and a sustained 5 per 300 seconds; past those a
// signature is kept but quarantined. Past the flood limit nothing is written at all.
// See docs/decisions/010.

export type Rate = { points: number; seconds: number };
export type SigningLimits = { burst: Rate; sustained: Rate; flood: Rate };

export const LIMIT_VARIABLES = { burst: "SIGN_RATE_BURST", sustained: "SIGN_RATE_SUSTAINED", flood: "SIGN_RATE_FLOOD" } as const;
// The flood limit is per campaign page and network: 60 a minute leaves room for a carrier's shared
// address when a campaign spreads, and still caps what one network can write.
export const DEFAULT_LIMITS = { burst: "1/60", sustained: "5/300", flood: "60/60" } as const;

function parseRate(name: string, value: string): Rate {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
  const points = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || points < 1 || seconds < 1) throw new Error(`${name} must look like 5/300 (signatures per seconds), got "${value}".`);
  return { points, seconds };
}

/** The limits from the environment (read on every call, so tests and restarts see changes). */
export function signingLimits(env: Record<string, string | undefined> = process.env): SigningLimits {
  const rate = (key: keyof SigningLimits) => parseRate(LIMIT_VARIABLES[key], env[LIMIT_VARIABLES[key]]?.trim() || DEFAULT_LIMITS[key]);
  return { burst: rate("burst"), sustained: rate("sustained"), flood: rate("flood") };
}

/**
 * Major mail providers, where an address costs an account (as on the UK Parliament's petitions site,
 * whose per-network limit skips an allow-list of such domains). SIGN_RATE_EXEMPT_DOMAINS replaces the
 * list (comma-separated; "none" for an empty one). Disposable domains are never exempt.
 */
export const DEFAULT_RATE_EXEMPT_DOMAINS = [
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.co.uk", "live.com", "msn.com",
  "yahoo.com", "yahoo.co.uk", "ymail.com", "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com",
  "proton.me", "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "zoho.com", "yandex.com",
] as const;

export function rateExemptDomains(env: Record<string, string | undefined> = process.env): Set<string> {
  const raw = env.SIGN_RATE_EXEMPT_DOMAINS?.trim();
  if (!raw) return new Set(DEFAULT_RATE_EXEMPT_DOMAINS);
  if (raw.toLowerCase() === "none") return new Set();
  return new Set(raw.split(",").map((domain) => domain.trim().toLowerCase()).filter(Boolean));
}

/** Whether the address's domain is exactly one of the exempt ones (a subdomain is not: anyone can make one). */
export function isRateExemptEmail(email: string, env: Record<string, string | undefined> = process.env): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).trim().toLowerCase().replace(/\.$/, "");
  return rateExemptDomains(env).has(domain);
}

const globalForLimits = globalThis as unknown as { advocateSigningStore?: { pool: Pool; limiters: Map<string, RateLimiterPostgres> } };

function store() {
  if (!globalForLimits.advocateSigningStore) {
    // As large as the main pool: each signature makes several round trips here, and a rush of 50
    // connections queued on 3 made this the slowest step of signing (bench, docs/benchmarks.md).
    const pool = new Pool({ connectionString: serverEnv().DATABASE_URL, max: serverEnv().DATABASE_POOL_SIZE, ...POOL_DEFAULTS });
    pool.on("error", (error) => log.warn("petition: rate-limit pool lost a connection", { error }));
    globalForLimits.advocateSigningStore = { pool, limiters: new Map() };
  }
  return globalForLimits.advocateSigningStore;
}

/** A limiter on the RateLimit table; `prefix` keeps its keys apart from other limiters'. */
export function limiter(prefix: string, rate: Rate): RateLimiterPostgres {
  const { pool, limiters } = store();
  const id = `${prefix}:${rate.points}/${rate.seconds}`;
  let found = limiters.get(id);
  if (!found) {
    found = new RateLimiterPostgres({
      storeClient: unnamedStatements(pool), // PgBouncer in transaction pooling: no named statements
      storeType: "pool",
      tableName: "RateLimit",
      tableCreated: true, // created by the migration admin_search_rate_limits
      keyPrefix: prefix,
      points: rate.points,
      duration: rate.seconds,
    });
    limiters.set(id, found);
  }
  return found;
}

/** Counts one attempt and returns how many the window holds now, this one included. */
export async function consume(target: RateLimiterPostgres, key: string): Promise<number> {
  try {
    return (await target.consume(key)).consumedPoints;
  } catch (error) {
    if (error instanceof RateLimiterRes) return error.consumedPoints;
    throw error;
  }
}

export type RateFacts = {
  /** Past the flood limit: refuse and write nothing. */
  flood: boolean;
  /** Past the burst or the sustained limit. */
  overLimit: boolean;
  /** This network already signed this campaign within the sustained window. */
  busy: boolean;
};

/** Counts a signing attempt from a (hashed) client network on a campaign. */
export async function countSigningAttempt(campaignId: number, clientHash: string, limits = signingLimits()): Promise<RateFacts> {
  const key = `${campaignId}:${clientHash}`;
  // The flood first: a refused attempt spends none of the network's burst and sustained allowance,
  // so when 200 arrive at once the first few that are not a flood still sign normally (counting all
  // three at once let the refused ones use up the burst window: defences.test.ts failed now and then).
  const flood = await consume(limiter("sign-flood", limits.flood), key);
  if (flood > limits.flood.points) return { flood: true, overLimit: true, busy: true };
  const [burst, sustained] = await Promise.all([consume(limiter("sign-burst", limits.burst), key), consume(limiter("sign-sustained", limits.sustained), key)]);
  return { flood: false, overLimit: burst > limits.burst.points || sustained > limits.sustained.points, busy: sustained > 1 };
}
