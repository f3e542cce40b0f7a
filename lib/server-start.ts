import "server-only";
import { adminTwoFactorRequired } from "@/lib/auth/two-factor/config";
import { mailConfig } from "@/lib/email/config";
import { mailConcurrency } from "@/lib/email/queue";
import { parseServerEnv } from "@/lib/env";
import { reconcileIntervalSeconds } from "@/lib/jobs/schedule";
import { log, logConsoleCall, logLevelProblem, REQUEST_ID_HEADER } from "@/lib/log";
import { confirmGraceHours } from "@/lib/petition/campaign-state";
import { updateMailsPerMinute } from "@/lib/updates/service";
import { lettersPerTargetPerHour } from "@/lib/letters/by-site";
import { rateExemptDomains, signingLimits } from "@/lib/petition/limits";
import { retentionMonths } from "@/lib/privacy/retention";
import { PRODUCTION_SECRETS_ADVICE, productionSecretProblems } from "@/lib/secrets-policy";
import { securityEnv } from "@/lib/security/headers";

// What a Node.js server process does once at start (instrumentation.ts), before serving anything.

/**
 * Every setting the server reads, checked once, together: each by the code that uses it (so the check
 * and the use cannot disagree), and every problem reported at once rather than the first, or none
 * until the first signature (a bad SIGN_RATE_BURST used to fail the signing form with a 500). The
 * front server checks its own (TRUSTED_PROXY_HOPS, TRUSTED_PROXIES, SERVER_CONCURRENCY, SERVER_QUEUE)
 * before Next.js loads; `npm start` checks SERVER_HEAP_MB; README's table lists them all
 * (scripts/configuration.test.ts keeps it complete).
 */
export function environmentProblems(): string[] {
  return [...settingProblems(), ...productionSecretProblems()];
}

/** Every setting but the production secrets. */
function settingProblems(): string[] {
  const problems: string[] = [];
  const check = (read: () => unknown) => {
    try {
      read();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  };
  check(() => parseServerEnv());
  check(signingLimits);
  check(rateExemptDomains);
  check(mailConfig);
  check(mailConcurrency);
  check(retentionMonths);
  check(confirmGraceHours);
  check(reconcileIntervalSeconds);
  check(updateMailsPerMinute);
  check(lettersPerTargetPerHour);
  check(securityEnv);
  check(adminTwoFactorRequired);
  const level = logLevelProblem();
  if (level) problems.push(level);
  return problems;
}

/** A server whose settings are unusable, or a production deployment without usable secrets, stops here saying which. */
export function refuseUnusableEnvironment(): void {
  const secrets = productionSecretProblems();
  const problems = [...settingProblems(), ...secrets];
  if (problems.length === 0) return;
  // Plain text, not a JSON line: a person reads this one, and the server never comes up.
  const heading = secrets.length > 0 ? "Refusing to start with APP_ENV=production:" : "Refusing to start:";
  process.stderr.write(`\n${heading} ${problems.length === 1 ? "a setting is" : "settings are"} missing or unusable.\n${problems.map((line) => (line.startsWith("- ") ? line : `- ${line}`)).join("\n")}\n` +
    (secrets.length > 0 ? `${PRODUCTION_SECRETS_ADVICE}\n` : "") +
    "The settings are described in README.md, \"Configuration\".\n\n");
  process.exit(1);
}

/**
 * In production, console.error and console.warn (Next's own error reports, third-party modules) go
 * through the logger too: one JSON line each, redacted like every other line.
 */
export function routeConsoleThroughLogger(): void {
  if (process.env.NODE_ENV !== "production") return;
  console.error = (...args: unknown[]) => logConsoleCall("error", args);
  console.warn = (...args: unknown[]) => logConsoleCall("warn", args);
}

type ErrorRequest = Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>;
type ErrorContext = Readonly<{ routePath: string; routeType: string }>;

/** Next's onRequestError hook: one line per failed request, with its request id and route. */
export function logRequestError(error: unknown, request: ErrorRequest, context: ErrorContext): void {
  const id = request.headers[REQUEST_ID_HEADER];
  log.error("request failed", {
    requestId: Array.isArray(id) ? id[0] : id,
    method: request.method,
    path: request.path,
    route: context.routePath,
    routeType: context.routeType,
    digest: (error as { digest?: unknown } | null)?.digest,
    error,
  });
}
