import { describe, expect, it } from "vitest";
import { screen, type ScreeningFacts } from "@/lib/petition/screening";

const quiet = { flood: false, overLimit: false, busy: false };
const facts = (overrides: Partial<ScreeningFacts> = {}): ScreeningFacts => ({ honeypot: false, disposable: false, pow: "valid", rate: quiet, ...overrides });

describe("screening a signature", () => {
  it("accepts a quiet, ordinary signature with a valid proof of work", () => {
    expect(screen(facts())).toEqual({ status: "PENDING", reason: null, sendMail: true });
  });

  it("refuses a flood outright, whatever else is true", () => {
    const flood = { flood: true, overLimit: true, busy: true };
    expect(screen(facts({ rate: flood }))).toEqual({ refuse: "flood" });
    expect(screen(facts({ rate: flood, honeypot: true, pow: "replayed", disposable: true }))).toEqual({ refuse: "flood" });
  });

  it("quarantines a filled-in hidden field without a mail, before anything else", () => {
    expect(screen(facts({ honeypot: true }))).toEqual({ status: "QUARANTINED", reason: "honeypot", sendMail: false });
    expect(screen(facts({ honeypot: true, pow: "replayed", disposable: true, rate: { flood: false, overLimit: true, busy: true } }))).toMatchObject({ reason: "honeypot" });
  });

  it("quarantines a replayed proof of work without a mail", () => {
    expect(screen(facts({ pow: "replayed" }))).toEqual({ status: "QUARANTINED", reason: "replayed proof of work", sendMail: false });
    expect(screen(facts({ pow: "replayed", disposable: true }))).toMatchObject({ reason: "replayed proof of work" });
  });

  it("quarantines a throwaway address but still mails it", () => {
    expect(screen(facts({ disposable: true }))).toEqual({ status: "QUARANTINED", reason: "disposable email", sendMail: true });
  });

  it("quarantines past the burst or sustained limit, even with a valid proof of work, and mails it", () => {
    expect(screen(facts({ rate: { flood: false, overLimit: true, busy: true } }))).toEqual({ status: "QUARANTINED", reason: "rate limit", sendMail: true });
  });

  it("takes the stricter path without a valid proof of work: quarantined only when the network is busy", () => {
    for (const pow of ["missing", "invalid"] as const) {
      expect(screen(facts({ pow }))).toEqual({ status: "PENDING", reason: null, sendMail: true });
      expect(screen(facts({ pow, rate: { flood: false, overLimit: false, busy: true } }))).toEqual({ status: "QUARANTINED", reason: "rate limit", sendMail: true });
    }
    // With a valid proof of work, a busy network within the limits is fine.
    expect(screen(facts({ rate: { flood: false, overLimit: false, busy: true } }))).toMatchObject({ status: "PENDING" });
  });
});
