import { describe, expect, it } from "vitest";
import { acceptsConfirmations, confirmGraceHours, isOpenForSignatures, signingEndedAt } from "@/lib/petition/campaign-state";

const NOW = new Date("2026-12-03T12:00:00Z");
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);

describe("when a campaign stops taking signatures and confirmations", () => {
  it("takes both while open, before its deadline", () => {
    const open = { status: "OPEN" as const, deadline: hoursAgo(-5), closedAt: null };
    expect(isOpenForSignatures(open, NOW)).toBe(true);
    expect(signingEndedAt(open, NOW)).toBeNull();
    expect(acceptsConfirmations(open, 24, NOW)).toBe(true);
  });

  it("counts confirmations for the grace period after the deadline, then none", () => {
    expect(acceptsConfirmations({ status: "OPEN", deadline: hoursAgo(23), closedAt: null }, 24, NOW)).toBe(true);
    expect(acceptsConfirmations({ status: "OPEN", deadline: hoursAgo(24), closedAt: null }, 24, NOW)).toBe(false);
    expect(signingEndedAt({ status: "OPEN", deadline: hoursAgo(24), closedAt: null }, NOW)).toEqual(hoursAgo(24));
    // No grace at all when so configured.
    expect(acceptsConfirmations({ status: "OPEN", deadline: hoursAgo(0.01), closedAt: null }, 0, NOW)).toBe(false);
  });

  it("counts from when staff closed it, or its deadline if that came first", () => {
    expect(acceptsConfirmations({ status: "CLOSED", deadline: null, closedAt: hoursAgo(2) }, 24, NOW)).toBe(true);
    expect(acceptsConfirmations({ status: "CLOSED", deadline: null, closedAt: hoursAgo(30) }, 24, NOW)).toBe(false);
    expect(signingEndedAt({ status: "CLOSED", deadline: hoursAgo(40), closedAt: hoursAgo(2) }, NOW)).toEqual(hoursAgo(40));
    expect(acceptsConfirmations({ status: "CLOSED", deadline: hoursAgo(40), closedAt: hoursAgo(2) }, 24, NOW)).toBe(false);
    // Closed before the time was recorded: no grace left.
    expect(acceptsConfirmations({ status: "CLOSED", deadline: null, closedAt: null }, 24, NOW)).toBe(false);
  });

  it("takes no confirmation for a draft (it is not public)", () => {
    expect(acceptsConfirmations({ status: "DRAFT", deadline: null, closedAt: null }, 24, NOW)).toBe(false);
    expect(signingEndedAt({ status: "DRAFT", deadline: null, closedAt: null }, NOW)).toBeNull();
  });

  it("reads CONFIRM_GRACE_HOURS: a day by default, whole hours up to 30 days, anything else refused by name", () => {
    expect(confirmGraceHours({})).toBe(24);
    expect(confirmGraceHours({ CONFIRM_GRACE_HOURS: " 0 " })).toBe(0);
    expect(confirmGraceHours({ CONFIRM_GRACE_HOURS: "720" })).toBe(720);
    for (const bad of ["721", "-1", "1.5", "a day"]) expect(() => confirmGraceHours({ CONFIRM_GRACE_HOURS: bad })).toThrow(/CONFIRM_GRACE_HOURS/);
  });
});
