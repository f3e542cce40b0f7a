import { describe, expect, it } from "vitest";
import { partialDate } from "@/lib/campaigns/format";

describe("statement formatting", () => {
  it("reads ISO dates of reduced precision", () => {
    expect(partialDate("2015")).toEqual({ date: new Date("2015-01-01T00:00:00Z"), precision: "year" });
    expect(partialDate("2015-11")?.precision).toBe("month");
    expect(partialDate("2015-11-27")).toEqual({ date: new Date("2015-11-27T00:00:00Z"), precision: "day" });
    expect(partialDate("27/11/2015")).toBeNull();
  });
});
