import { describe, expect, it } from "vitest";
import robots from "@/app/robots";

// How a crawler reads the rules (RFC 9309): a rule matches from the start of the path, `*` is any
// run of characters, `$` the end; the longest matching rule wins, and "allow" wins a tie.
function allowed(path: string): boolean {
  const { rules } = robots();
  const rule = Array.isArray(rules) ? rules[0]! : rules;
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const matches = (pattern: string) =>
    new RegExp(`^${pattern.replace(/[.+?^{}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\\\$$|\$$/, "$")}`).test(path);
  const longest = (patterns: string[]) => Math.max(-1, ...patterns.filter(matches).map((pattern) => pattern.length));
  return longest(list(rule.allow)) >= longest(list(rule.disallow));
}

describe("robots.txt", () => {
  it("keeps crawlers off the admin, mailed links, thank-you pages and the outbox in every language", () => {
    for (const path of [
      "/en/admin",
      "/ur/admin/signatures?status=PENDING",
      "/en/confirm/abc123",
      "/ur/withdraw/abc123",
      "/en/my-data/abc123",
      "/ur/my-data/abc123/download",
      "/en/c/some-campaign/thanks?result=check-email",
      "/ur/embed/some-campaign/thanks",
      "/en/dev/outbox",
      "/admin",
      "/confirm/abc123",
      "/api/auth/signin",
    ]) {
      expect(allowed(path), path).toBe(false);
    }
  });

  it("lets crawlers read the public pages", () => {
    for (const path of ["/", "/en", "/ur", "/en/c/some-campaign", "/ur/c/some-campaign/votes", "/en/c/some-campaign/country/PAK", "/en/privacy", "/api/campaigns/some-campaign", "/sitemap.xml"]) {
      expect(allowed(path), path).toBe(true);
    }
  });

  it("names the sitemap", () => {
    expect(robots().sitemap).toMatch(/^https?:\/\/[^/]+\/sitemap\.xml$/);
  });
});
