import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkOutcome, HANG_MS, RECOVERY_MS, type Timeline } from "./fault-checks";
import { leaksInternals, succeeded, type Attempt } from "./fault-client";

// The fault test's verdicts (scripts/test-faults.ts) from made-up runs: a clean one passes every
// check, and each way a run can go wrong fails the check that names it, and only that one.

const SLUG = "fault-test";
const CLIENTS = 2;
// PostgreSQL stops at 10 s (down at 11 s) and is started at 30 s (up at 31 s).
const timeline: Timeline = { stopBegan: 10_000, stopEnded: 11_000, startBegan: 30_000, startEnded: 31_000, end: 60_000 };
const TRY_AGAIN = "The petition cannot be signed right now. Please try again in a moment.";

function attempt(n: number, started: number, outcome: Partial<Attempt> = {}): Attempt {
  const signed = { status: 303, location: `/en/c/${SLUG}/thanks`, retryAfter: null, body: "" };
  return { n, email: `signer-${n}@example.org`, fullName: `Signer Number${n}`, started, ended: started + 200, ...signed, ...outcome };
}
const unavailable = { status: 503, location: null, retryAfter: "5", body: TRY_AGAIN };

type Probe = Parameters<typeof checkOutcome>[0]["probes"][number];
const ROUTES = { health: "/api/health", api: `/api/campaigns/${SLUG}`, page: `/en/c/${SLUG}` };
function probe(route: string, started: number, outcome: Partial<Probe> = {}): Probe {
  return { url: `http://localhost:3100${route}`, started, ended: started + 50, status: 200, body: "{}", retryAfter: null, ...outcome };
}
/** Each route probed once in the outage (answering 503, "try again") and once after the return (200). */
const cleanProbes = (): Probe[] =>
  Object.values(ROUTES).flatMap((route) => [probe(route, 15_000, { status: 503, retryAfter: "5", body: TRY_AGAIN }), probe(route, 31_500)]);

function cleanRun() {
  const attempts = [attempt(1, 1_000), attempt(2, 15_000, unavailable), attempt(3, 31_500), attempt(4, 40_000)];
  return {
    attempts,
    probes: cleanProbes(),
    timeline,
    stored: new Set(attempts.filter((a) => a.status === 303).map((a) => a.email)),
    slug: SLUG,
    serverLog: '{"level":"info","msg":"petition: signed","requestId":"req-00000001"}\n',
    clients: CLIENTS,
    succeeded,
    leaksInternals,
  };
}

/** The names of the checks that failed, without their counts ("(3/4)", "(after 500 ms)"). */
function failing(run: ReturnType<typeof cleanRun>): string[] {
  return checkOutcome(run)
    .filter((check) => !check.ok)
    .map((check) => check.name.replace(/ \([^)]*\)/g, ""));
}

beforeEach(() => void vi.spyOn(console, "log").mockImplementation(() => undefined));
afterEach(() => vi.restoreAllMocks());

describe("the fault test's checks", () => {
  it("all pass for a clean run", () => {
    expect(failing(cleanRun())).toEqual([]);
  });

  it("fail when a signer saw success but the signature is not in the database", () => {
    const run = cleanRun();
    run.stored.delete("signer-4@example.org");
    expect(failing(run)).toEqual(["every signature whose submitter saw success is in the database"]);
  });

  it("fail when signing answers 500 in the outage", () => {
    const run = cleanRun();
    // Retry-After and the text are right: only the status is wrong.
    run.attempts[1] = attempt(2, 15_000, { ...unavailable, status: 500 });
    expect(failing(run)).toEqual(["during the outage, signing answers 503 with Retry-After and a 'try again' text"]);
  });

  it(`fail when an attempt takes ${HANG_MS} ms or more, and not below`, () => {
    const run = cleanRun();
    run.attempts[1] = { ...attempt(2, 15_000, unavailable), ended: 15_000 + HANG_MS - 1 };
    expect(failing(run)).toEqual([]);
    run.attempts[1] = { ...attempt(2, 15_000, unavailable), ended: 15_000 + HANG_MS };
    expect(failing(run)).toEqual([`no attempt takes ${HANG_MS / 1000} s or more`]);
  });

  it("fail when a signer's address is in the server's log", () => {
    const run = cleanRun();
    run.serverLog += '{"level":"error","msg":"insert failed for signer-2@example.org"}\n';
    expect(failing(run)).toEqual(["the server's log holds none of the signers' addresses or names"]);
  });

  it(`fail when signing works again only after more than ${RECOVERY_MS} ms`, () => {
    const run = cleanRun();
    // The first success after the return ends RECOVERY_MS + 1 ms after it.
    run.attempts[2] = { ...attempt(3, timeline.startEnded + RECOVERY_MS - 199), ended: timeline.startEnded + RECOVERY_MS + 1 };
    expect(failing(run)).toEqual([`signing works again within ${RECOVERY_MS / 1000} s of the database's return`]);
  });

  it("fail when the campaign page stays unavailable after the database's return", () => {
    const run = cleanRun();
    run.probes = cleanProbes().map((p) => (p.url.endsWith(ROUTES.page) && p.started === 31_500 ? { ...p, status: 503, retryAfter: "5", body: TRY_AGAIN } : p));
    expect(failing(run)).toEqual([`the campaign page answers 200 again within ${RECOVERY_MS / 1000} s`]);
  });

  it("fail when the campaign page answers the outage with Next's 500 error page instead of 503", () => {
    const run = cleanRun();
    run.probes = cleanProbes().map((p) => (p.url.endsWith(ROUTES.page) && p.started === 15_000 ? { ...p, status: 500, retryAfter: null } : p));
    expect(failing(run)).toEqual(["during the outage, the campaign page answers 503 with Retry-After and says to try again"]);
  });

  it.each([
    [ROUTES.health, `during the outage, GET ${ROUTES.health} answers 503 with Retry-After`],
    [ROUTES.api, `during the outage, GET ${ROUTES.api} answers 503 with Retry-After`],
    [ROUTES.page, "during the outage, the campaign page answers 503 with Retry-After and says to try again"],
  ])("fail when %s was not probed during the outage", (route, name) => {
    const run = cleanRun();
    // Probed only before the stop and after the return: nothing shows how it answers without its database.
    run.probes = cleanProbes().filter((p) => !(p.url.endsWith(route) && p.started === 15_000));
    run.probes.push(probe(route, 5_000));
    const checks = checkOutcome(run);
    expect(failing(run)).toEqual([name]);
    expect(checks.find((check) => check.name.startsWith(name))?.detail).toBe("not probed during the outage");
  });

  it(`fail when more than one attempt per client (${CLIENTS}) is cut off by the stop with the 500 page`, () => {
    const run = cleanRun();
    const cutOff = (n: number) => attempt(n, timeline.stopBegan - 100, { status: 500, location: null, body: "Something went wrong. Please try again in a moment." });
    run.attempts.push(...Array.from({ length: CLIENTS }, (_, i) => cutOff(10 + i)));
    expect(failing(run)).toEqual([]);
    run.attempts.push(cutOff(10 + CLIENTS));
    expect(failing(run)).toEqual(["at most one attempt per client cut off by the stop gets the 500 error page"]);
  });
});
