import { describe, expect, it } from "vitest";
import { screen, type ScreeningFacts } from "@/lib/petition/screening";

const quiet = { flood: false, overLimit: false, busy: false };
const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({ honeypot: false, disposable: false, exemptDomain: false, pow: "valid", rate: quiet, ...overrides });

describe("screening a signature", () => {
  it("accepts a quiet, ordinary signature with a valid proof of work", () => {
    expect(screen(facts())).toEqual({ status: "PENDING", reason: null });
  });

  it("refuses a flood outright, whatever else is true", () => {
    const flood = { flood: true, overLimit: true, busy: true };
    expect(screen(facts({ rate: flood }))).toEqual({ refuse: "flood" });
    expect(screen(facts({ rate: flood, honeypot: true, pow: "replayed", disposable: true }))).toEqual({ refuse: "flood" });
  });

  it("drops a filled-in hidden field (nothing kept, nothing mailed), before anything else", () => {
    expect(screen(facts({ honeypot: true }))).toEqual({ drop: "honeypot" });
    expect(screen(facts({ honeypot: true, pow: "replayed", disposable: true, exemptDomain: true, rate: { flood: false, overLimit: true, busy: true } }))).toEqual({ drop: "honeypot" });
  });

  it("drops a replayed proof of work", () => {
    expect(screen(facts({ pow: "replayed" }))).toEqual({ drop: "replayed proof of work" });
    expect(screen(facts({ pow: "replayed", disposable: true }))).toEqual({ drop: "replayed proof of work" });
  });

  it("lets an address at a major mail provider past the network's limits, but not a throwaway one", () => {
    const busy = { flood: false, overLimit: true, busy: true };
    expect(screen(facts({ exemptDomain: true, rate: busy }))).toEqual({ status: "PENDING", reason: null });
    expect(screen(facts({ exemptDomain: true, pow: "missing", rate: busy }))).toEqual({ status: "PENDING", reason: null });
    expect(screen(facts({ exemptDomain: true, disposable: true, rate: busy }))).toEqual({ status: "QUARANTINED", reason: "DISPOSABLE_EMAIL" });
  });

  it("quarantines a throwaway address but still mails it", () => {
    expect(screen(facts({ disposable: true }))).toEqual({ status: "QUARANTINED", reason: "DISPOSABLE_EMAIL" });
  });

  it("quarantines past the burst or sustained limit, even with a valid proof of work, and mails it", () => {
    expect(screen(facts({ rate: { flood: false, overLimit: true, busy: true } }))).toEqual({ status: "QUARANTINED", reason: "RATE_LIMIT" });
  });

  it("takes the stricter path without a valid proof of work: quarantined only when the network is busy", () => {
    for (const pow of ["missing", "invalid"] as const) {
      expect(screen(facts({ pow }))).toEqual({ status: "PENDING", reason: null });
      expect(screen(facts({ pow, rate: { flood: false, overLimit: false, busy: true } }))).toEqual({ status: "QUARANTINED", reason: "RATE_LIMIT" });
    }
    // With a valid proof of work, a busy network within the limits is fine.
    expect(screen(facts({ rate: { flood: false, overLimit: false, busy: true } }))).toMatchObject({ status: "PENDING" });
  });
});
