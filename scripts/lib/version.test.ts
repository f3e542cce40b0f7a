import { describe, expect, it } from "vitest";
import { atLeast } from "./version.mjs";

describe("atLeast (the Next.js version check of scripts/audit.mjs)", () => {
  it("compares each part as a number", () => {
    expect(atLeast("16.4.3", "16.4.3")).toBe(true);
    expect(atLeast("16.4.6", "16.4.3")).toBe(true);
    expect(atLeast("16.10.0", "16.4.3")).toBe(true);
    expect(atLeast("17.0.0", "16.4.3")).toBe(true);
    expect(atLeast("16.4.2", "16.4.3")).toBe(false);
    expect(atLeast("16.3.99", "16.4.3")).toBe(false);
    expect(atLeast("15.9.9", "16.4.3")).toBe(false);
  });

  it("puts a pre-release of the minimum before it, and one of a later release after it", () => {
    expect(atLeast("16.4.3-canary.2", "16.4.3")).toBe(false);
    expect(atLeast("16.4.4-canary.0", "16.4.3")).toBe(true);
    expect(atLeast("16.4.3-rc.10", "16.4.3-rc.9")).toBe(true);
    expect(atLeast("16.4.3-rc.1", "16.4.3-rc.2")).toBe(false);
  });

  it("refuses what it cannot read", () => {
    expect(atLeast("latest", "16.4.3")).toBe(false);
    expect(atLeast("", "16.4.3")).toBe(false);
    expect(atLeast("16.4", "16.4.3")).toBe(false);
  });
});
