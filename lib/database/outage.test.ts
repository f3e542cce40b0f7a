import { afterEach, describe, expect, it, vi } from "vitest";
import { databaseOutageSince, databaseStillDown, noteDatabaseAvailable, noteIfDatabaseUnavailable, PROBE_INTERVAL_MS, PROBE_TIMEOUT_MS, resetDatabaseOutage } from "@/lib/database/outage";

const refused = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });

afterEach(() => {
  resetDatabaseOutage();
  vi.useRealTimers();
});

describe("the database outage seen by pages", () => {
  it("is unknown until a request fails for want of the database, and then probes nothing at first", async () => {
    const probe = vi.fn(async () => undefined);
    expect(await databaseStillDown(probe)).toBe(false);
    expect(noteIfDatabaseUnavailable(new Error("a bug, not an outage"))).toBe(false);
    expect(databaseOutageSince()).toBeNull();
    expect(await databaseStillDown(probe)).toBe(false);

    expect(noteIfDatabaseUnavailable(refused(), 1_000)).toBe(true);
    expect(databaseOutageSince()).toBe(1_000);
    // Just seen to fail: no probe within the interval.
    expect(await databaseStillDown(probe, 1_000 + PROBE_INTERVAL_MS - 1)).toBe(true);
    expect(probe).not.toHaveBeenCalled();
  });

  it("shares one probe among concurrent requests and reuses its answer for the interval", async () => {
    noteIfDatabaseUnavailable(refused(), 0);
    let fail!: (error: Error) => void;
    const probe = vi.fn(() => new Promise((_, reject) => (fail = reject)));
    const later = PROBE_INTERVAL_MS + 1;
    const answers = Promise.all([databaseStillDown(probe, later), databaseStillDown(probe, later), databaseStillDown(probe, later)]);
    await vi.waitFor(() => expect(probe).toHaveBeenCalled());
    fail(refused());
    expect(await answers).toEqual([true, true, true]);
    expect(probe).toHaveBeenCalledTimes(1);
    // Within the interval of that answer (taken on the real clock): reused, not probed again.
    expect(await databaseStillDown(probe, Date.now() + PROBE_INTERVAL_MS / 2 - 1_000)).toBe(true);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(databaseOutageSince()).toBe(0);
  });

  it("ends when a probe succeeds: the next request renders", async () => {
    noteIfDatabaseUnavailable(refused(), 0);
    const probe = vi.fn(async () => [{ "?column?": 1 }]);
    expect(await databaseStillDown(probe, PROBE_INTERVAL_MS)).toBe(false);
    expect(databaseOutageSince()).toBeNull();
    expect(await databaseStillDown(probe)).toBe(false);
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it("counts a probe that does not answer in time as down, and one failing for another reason as no outage", async () => {
    noteIfDatabaseUnavailable(refused(), 0);
    vi.useFakeTimers();
    const hanging = databaseStillDown(() => new Promise(() => {}), PROBE_INTERVAL_MS);
    await vi.advanceTimersByTimeAsync(PROBE_TIMEOUT_MS);
    expect(await hanging).toBe(true);
    vi.useRealTimers();

    // A bug in the probe is not an outage: the site must not answer 503 for it.
    expect(await databaseStillDown(async () => Promise.reject(new TypeError("not a database problem")), Date.now() + PROBE_TIMEOUT_MS + PROBE_INTERVAL_MS)).toBe(false);
    expect(databaseOutageSince()).toBeNull();
  });

  it("is not started by a busy database (no free connection), which still answers 503", async () => {
    const poolTimeout = Object.assign(new Error("Timed out fetching a new connection from the connection pool"), { code: "P2024" });
    expect(noteIfDatabaseUnavailable(poolTimeout)).toBe(true);
    expect(databaseOutageSince()).toBeNull();
    const full = Object.assign(new Error("sorry, too many clients already"), { code: "53300" });
    expect(noteIfDatabaseUnavailable(full)).toBe(true);
    expect(databaseOutageSince()).toBeNull();
  });

  it("ends when the health check finds the database", async () => {
    noteIfDatabaseUnavailable(refused());
    noteDatabaseAvailable();
    expect(databaseOutageSince()).toBeNull();
    expect(await databaseStillDown(async () => Promise.reject(refused()))).toBe(false);
  });

  it("does not get stuck on a probe that throws before it starts", async () => {
    noteIfDatabaseUnavailable(refused(), 0);
    const throwing = vi.fn((): Promise<unknown> => {
      throw refused();
    });
    expect(await databaseStillDown(throwing, PROBE_INTERVAL_MS)).toBe(true);
    const working = vi.fn(async () => undefined);
    expect(await databaseStillDown(working, Date.now() + PROBE_TIMEOUT_MS + PROBE_INTERVAL_MS)).toBe(false);
    expect(working).toHaveBeenCalledTimes(1);
  });
});
