import "server-only";
import { log, logConsoleCall, REQUEST_ID_HEADER } from "@/lib/log";
import { productionSecretProblems, ProductionSecretsError } from "@/lib/secrets-policy";

// What a Node.js server process does once at start (instrumentation.ts), before serving anything.

/** A production deployment without usable secrets stops here, saying which and how to make one. */
export function refuseUnsafeSecrets(): void {
  const problems = productionSecretProblems();
  if (problems.length === 0) return;
  // Plain text, not a JSON line: a person reads this one, and the server never comes up.
  process.stderr.write(`\n${new ProductionSecretsError(problems).message}\n\n`);
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
