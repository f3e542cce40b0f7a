import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/env";

// Failed logins are counted per account (the typed email, whether or not it exists, so throttling
// tells nothing about accounts) and per client address, in PostgreSQL so every app instance shares
// them. After 10 failures within 15 minutes, further attempts are refused for 15 minutes.
export const MAX_FAILURES = 10;
const WINDOW_SECONDS = 15 * 60;

const globalForThrottle = globalThis as unknown as { advocateLoginLimiter?: RateLimiterPostgres };

function limiter(): RateLimiterPostgres {
  if (!globalForThrottle.advocateLoginLimiter) {
    const pool = new Pool({ connectionString: serverEnv().DATABASE_URL, max: 2 });
    globalForThrottle.advocateLoginLimiter = new RateLimiterPostgres({
      storeClient: pool,
      tableName: "RateLimit",
      tableCreated: true, // created by the migration admin_search_rate_limits
      keyPrefix: "login",
      points: MAX_FAILURES,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    });
  }
  return globalForThrottle.advocateLoginLimiter;
}

const keys = (email: string, ip: string) => [`account:${email.trim().toLowerCase()}`, `ip:${ip}`];

/** Whether either key has used up its failures. */
export async function isLoginBlocked(email: string, ip: string): Promise<boolean> {
  const states = await Promise.all(keys(email, ip).map((key) => limiter().get(key)));
  return states.some((state) => state !== null && state.consumedPoints >= MAX_FAILURES);
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  await Promise.all(
    keys(email, ip).map((key) =>
      limiter()
        .consume(key)
        .catch((error: unknown) => {
          if (!(error instanceof RateLimiterRes)) throw error; // over the limit: already blocked
        }),
    ),
  );
}

/** A successful login clears the account's failures (not the address's). */
export async function recordLoginSuccess(email: string): Promise<void> {
  await limiter().delete(`account:${email.trim().toLowerCase()}`);
}
