import { afterEach, describe, expect, it, vi } from "vitest";
import { environmentProblems, refuseUnusableEnvironment } from "@/lib/server-start";

// The settings are checked together when a server process starts (instrumentation.ts), each by the
// code that uses it: a bad value stops the server with every problem named, instead of failing later.

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe("environmentProblems", () => {
  it("finds nothing wrong with the test setup's settings", () => {
    expect(environmentProblems()).toEqual([]);
  });

  it("names every unusable setting at once, each with what it must be", () => {
    vi.stubEnv("SIGN_RATE_BURST", "lots");
    vi.stubEnv("MAIL_CONCURRENCY", "0");
    vi.stubEnv("RETENTION_MONTHS", "-1");
    vi.stubEnv("RECONCILE_INTERVAL_SECONDS", "soon");
    vi.stubEnv("LOG_LEVEL", "verbose");
    vi.stubEnv("DATABASE_POOL_SIZE", "0");
    const problems = environmentProblems().join("\n");
    expect(problems).toContain('SIGN_RATE_BURST must look like 5/300 (signatures per seconds), got "lots".');
    expect(problems).toContain('MAIL_CONCURRENCY must be a whole number from 1 to 50; got "0".');
    expect(problems).toContain("RETENTION_MONTHS must be a number of months, 0 or more.");
    expect(problems).toContain('RECONCILE_INTERVAL_SECONDS must be a number of seconds above 0; got "soon".');
    expect(problems).toContain('LOG_LEVEL must be one of debug, info, warn, error; got "verbose".');
    expect(problems).toContain("DATABASE_POOL_SIZE");
    expect(environmentProblems()).toHaveLength(6);
  });

  it("stops the server process with the list before it serves anything", () => {
    vi.stubEnv("RECONCILE_INTERVAL_SECONDS", "0");
    vi.stubEnv("SIGN_RATE_FLOOD", "60 a minute");
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => refuseUnusableEnvironment()).toThrow("exit 1");
    expect(written.join("")).toMatch(/Refusing to start: settings are missing or unusable\.\n- SIGN_RATE_FLOOD must look like[\s\S]*\n- RECONCILE_INTERVAL_SECONDS must be[\s\S]*README\.md, "Configuration"/);
  });
});
