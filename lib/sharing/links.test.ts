import { describe, expect, it } from "vitest";
import { shareLinks } from "@/lib/sharing/links";

describe("shareLinks", () => {
  const links = shareLinks({ url: "https://example.org/c/a?x=1&y=2", text: "I signed: “Rights & defenders” #now", subject: "Rights & defenders" });

  it("points at each service with every value encoded", () => {
    const x = new URL(links.x);
    expect(x.origin + x.pathname).toBe("https://x.com/intent/post");
    expect(x.searchParams.get("url")).toBe("https://example.org/c/a?x=1&y=2");
    expect(x.searchParams.get("text")).toBe("I signed: “Rights & defenders” #now");
    expect(new URL(links.facebook).searchParams.get("u")).toBe("https://example.org/c/a?x=1&y=2");
    expect(new URL(links.whatsapp).searchParams.get("text")).toBe("I signed: “Rights & defenders” #now https://example.org/c/a?x=1&y=2");
    const telegram = new URL(links.telegram);
    expect(telegram.origin + telegram.pathname).toBe("https://t.me/share/url");
    expect(telegram.searchParams.get("url")).toBe("https://example.org/c/a?x=1&y=2");
    expect(telegram.searchParams.get("text")).toBe("I signed: “Rights & defenders” #now");
    const linkedin = new URL(links.linkedin);
    expect(linkedin.origin + linkedin.pathname).toBe("https://www.linkedin.com/sharing/share-offsite/");
    expect(linkedin.searchParams.get("url")).toBe("https://example.org/c/a?x=1&y=2");
  });

  it("builds a mailto link with subject and body", () => {
    expect(links.email.startsWith("mailto:?")).toBe(true);
    const params = new URLSearchParams(links.email.slice("mailto:?".length));
    expect(params.get("subject")).toBe("Rights & defenders");
    expect(params.get("body")).toBe("I signed: “Rights & defenders” #now\n\nhttps://example.org/c/a?x=1&y=2");
  });
});
