// The fault test's verdicts, from what the clients saw and what the database holds afterwards.
import type { Attempt } from "./fault-client";

export type Check = { name: string; ok: boolean; detail?: string };
export type Timeline = { stopBegan: number; stopEnded: number; startBegan: number; startEnded: number; end: number };
type Probe = { url: string; started: number; ended: number; status: number | string; body: string; retryAfter: string | null };

export const RECOVERY_MS = 5_000;
export const HANG_MS = 10_000;
const TRY_AGAIN = /try again/i;

type Input = {
  attempts: Attempt[];
  probes: Probe[];
  timeline: Timeline;
  stored: Set<string>;
  slug: string;
  serverLog: string;
  /** How many clients submit at once. */
  clients: number;
  succeeded: (attempt: Attempt, slug: string) => boolean;
  leaksInternals: (body: string) => string | null;
};

const describe = (a: { started: number; ended: number; status: number | string; body: string }, t: Timeline) =>
  `started ${a.started - t.stopBegan} ms after the stop began, took ${a.ended - a.started} ms, status ${a.status}: ${a.body.replace(/\s+/g, " ").slice(0, 160)}`;

function check(name: string, failures: string[], total?: number): Check {
  const counted = total === undefined ? "" : ` (${total - failures.length}/${total})`;
  return { name: `${name}${counted}`, ok: failures.length === 0, detail: failures.slice(0, 5).join("\n") || undefined };
}

/** What the probes of one route saw in the outage. None there shows nothing, so it fails rather than passing vacuously. */
function probeCheck(name: string, during: Probe[], failures: string[]): Check {
  if (during.length === 0) return { name, ok: false, detail: "not probed during the outage" };
  return check(name, failures, during.length);
}

/** During the outage proper: began after PostgreSQL had stopped, answered before it was started again. */
const inOutage = (a: { started: number; ended: number }, t: Timeline) => a.started >= t.stopEnded && a.ended <= t.startBegan;

export function checkOutcome({ attempts, probes, timeline: t, stored, slug, serverLog, clients, succeeded, leaksInternals }: Input): Check[] {
  const checks: Check[] = [];
  const ok = (a: Attempt) => succeeded(a, slug);
  const before = attempts.filter((a) => a.ended < t.stopBegan);
  const outage = attempts.filter((a) => inOutage(a, t));
  const recovered = attempts.filter((a) => a.started >= t.startEnded + RECOVERY_MS);
  const transition = attempts.filter((a) => !before.includes(a) && !outage.includes(a) && !recovered.includes(a));
  const successes = attempts.filter(ok);

  console.log(
    `faults: ${attempts.length} signing attempts (${before.length} before, ${transition.length} around the stop and start, ${outage.length} in the outage, ${recovered.length} after recovery), ${successes.length} succeeded`,
  );
  const statuses = (list: Attempt[]) => Object.entries(list.reduce<Record<string, number>>((acc, a) => ((acc[String(a.status)] = (acc[String(a.status)] ?? 0) + 1), acc), {})).map(([s, n]) => `${s}×${n}`).join(" ");
  console.log(`faults: statuses around the stop and start: ${statuses(transition) || "none"}; in the outage: ${statuses(outage) || "none"}`);

  checks.push(check("before the restart, every signature succeeds", before.filter((a) => !ok(a)).map((a) => describe(a, t)), before.length));
  checks.push({ name: "signatures were submitted before, during and after the outage", ok: before.length > 0 && outage.length > 0 && recovered.length > 0, detail: `${before.length}/${outage.length}/${recovered.length}` });

  const lost = successes.filter((a) => !stored.has(a.email));
  checks.push(check("every signature whose submitter saw success is in the database", lost.map((a) => `${a.email}: ${describe(a, t)}`), successes.length));

  checks.push(
    check(
      "during the outage, signing answers 503 with Retry-After and a 'try again' text",
      outage.filter((a) => a.status !== 503 || !a.retryAfter || !TRY_AGAIN.test(a.body)).map((a) => describe(a, t)),
      outage.length,
    ),
  );
  // Around the stop and the start, an attempt may go either way. The one exception to "503 or
  // success": a request whose transaction PostgreSQL ends mid-way, as it stops, has already passed
  // proxy.ts's check, and Next.js renders its error page with 500 ("try again in a moment"); at most
  // one per client can be in flight then (docs/decisions/013).
  const caughtByTheStop = (a: Attempt) => a.started < t.stopEnded && a.ended > t.stopBegan && a.status === 500 && TRY_AGAIN.test(a.body);
  checks.push(
    check(
      "around the stop and the start, each attempt succeeds or answers 503 'try again'",
      transition.filter((a) => !ok(a) && !(a.status === 503 && TRY_AGAIN.test(a.body)) && !caughtByTheStop(a)).map((a) => describe(a, t)),
      transition.length,
    ),
  );
  const cut = transition.filter(caughtByTheStop);
  checks.push({ name: `at most one attempt per client (${clients}) cut off by the stop gets the 500 error page (${cut.length})`, ok: cut.length <= clients });
  checks.push(check(`no attempt takes ${HANG_MS / 1000} s or more`, attempts.filter((a) => typeof a.status !== "number" || a.ended - a.started >= HANG_MS).map((a) => describe(a, t)), attempts.length));
  checks.push(check("no answer shows a stack trace or internal error text", attempts.filter((a) => leaksInternals(a.body)).map((a) => `${leaksInternals(a.body)} in ${describe(a, t)}`), attempts.length));

  const firstBack = attempts.filter((a) => a.started >= t.startEnded && ok(a)).sort((x, y) => x.ended - y.ended)[0];
  const backAfter = firstBack ? firstBack.ended - t.startEnded : Infinity;
  checks.push({ name: `signing works again within ${RECOVERY_MS / 1000} s of the database's return (after ${backAfter} ms)`, ok: backAfter <= RECOVERY_MS });
  checks.push(check(`from ${RECOVERY_MS / 1000} s after the return on, every signature succeeds`, recovered.filter((a) => !ok(a)).map((a) => describe(a, t)), recovered.length));

  /** The first 200 from `route` after the database's return came within RECOVERY_MS. */
  const answersAgain = (route: string, what: string): Check => {
    const back = probes.filter((p) => p.url.endsWith(route) && p.started >= t.startEnded && p.status === 200).sort((x, y) => x.ended - y.ended)[0];
    return { name: `${what} answers 200 again within ${RECOVERY_MS / 1000} s`, ok: !!back && back.ended - t.startEnded <= RECOVERY_MS, detail: back ? `${back.ended - t.startEnded} ms` : "never" };
  };
  for (const route of ["/api/health", `/api/campaigns/${slug}`]) {
    const during = probes.filter((p) => p.url.endsWith(route) && inOutage(p, t));
    checks.push(probeCheck(`during the outage, GET ${route} answers 503 with Retry-After`, during, during.filter((p) => p.status !== 503 || !p.retryAfter).map((p) => describe(p, t))));
    checks.push(answersAgain(route, `GET ${route}`));
  }
  checks.push(answersAgain(`/en/c/${slug}`, "the campaign page"));
  const pages = probes.filter((p) => p.url.endsWith(`/en/c/${slug}`) && inOutage(p, t));
  checks.push(
    probeCheck(
      "during the outage, the campaign page answers 503 with Retry-After and says to try again (no stack trace, no hang)",
      pages,
      pages.filter((p) => p.status !== 503 || !p.retryAfter || !TRY_AGAIN.test(p.body) || leaksInternals(p.body) || p.ended - p.started >= HANG_MS).map((p) => describe(p, t)),
    ),
  );
  console.log(`faults: campaign page during the outage: ${[...new Set(pages.map((p) => p.status))].join(", ") || "not probed"}`);

  const leaked = attempts.filter((a) => serverLog.includes(a.email) || serverLog.includes(a.fullName));
  checks.push(check("the server's log holds none of the signers' addresses or names", leaked.map((a) => `${a.email} / ${a.fullName}`), attempts.length));
  return checks;
}
