import { describe, expect, it } from "vitest";
import { attributionFromQuery, attributionFromSearch, attributionQuery, isReferralCode, newReferralCode, withAttribution } from "@/lib/sharing/referral";

describe("referral codes", () => {
  it("are 10 characters from an unambiguous alphabet, and differ", () => {
    const codes = new Set(Array.from({ length: 1000 }, newReferralCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(isReferralCode(code)).toBe(true);
    expect([...codes].join("")).not.toMatch(/[01lo]/);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "abc", "ABCDEFGHJK", "abcdefghi0", "abcdefghijk", "<script>xx", 42, null]) expect(isReferralCode(bad)).toBe(false);
  });
});

describe("attribution", () => {
  it("reads a referral and a source from the URL, dropping malformed values", () => {
    expect(attributionFromSearch({ ref: "abcdefghij", utm_source: " WhatsApp " })).toEqual({ referral: "abcdefghij", source: "whatsapp" });
    expect(attributionFromSearch({ ref: ["abcdefghij", "x"], utm_source: "<b>x</b>" })).toEqual({ referral: "abcdefghij", source: null });
    expect(attributionFromSearch({ ref: "nope", utm_source: "x".repeat(51) })).toEqual({ referral: null, source: null });
    expect(attributionFromSearch({})).toEqual({ referral: null, source: null });
    expect(attributionFromSearch({ utm_source: "newsletter_2015-12" }).source).toBe("newsletter_2015-12");
    expect(attributionFromSearch({ utm_source: "\u202Eevil" }).source).toBeNull();
  });

  it("passes a signing post's ref and utm_source on as a query, and nothing else of it", () => {
    const query = attributionQuery(new URLSearchParams("country=PAK&ref=abcdefghij&utm_source=WhatsApp&email=a%40b.c"));
    expect(query).toBe("ref=abcdefghij&utm_source=WhatsApp");
    expect(attributionFromQuery(query)).toEqual({ referral: "abcdefghij", source: "whatsapp" });
    expect(attributionQuery(new URLSearchParams(""))).toBe("");
    expect(attributionFromQuery("")).toEqual({ referral: null, source: null });
    expect(attributionFromQuery(null)).toEqual({ referral: null, source: null });
    expect(attributionFromQuery("ref=<script>&utm_source=%E2%80%AEevil")).toEqual({ referral: null, source: null });
  });

  it("adds the parameters to a link, keeping what it had", () => {
    expect(withAttribution("https://example.org/c/a?country=PAK", { referral: "abcdefghij", source: "qr" })).toBe("https://example.org/c/a?country=PAK&ref=abcdefghij&utm_source=qr");
    expect(withAttribution("https://example.org/c/a", {})).toBe("https://example.org/c/a");
  });
});
