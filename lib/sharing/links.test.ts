import { describe, expect, it } from "vitest";
import { shareLinks } from "@/lib/sharing/links";

describe("shareLinks", () => {
  const url = "https://example.org/c/a?ref=abcdefghij&x=1";
  const text = "I signed: “Rights & defenders” #now";
  const links = shareLinks({ url, text, subject: "Rights & defenders" });
  const tagged = (source: string) => `https://example.org/c/a?ref=abcdefghij&x=1&utm_source=${source}`;

  it("points at each service with every value encoded, the link tagged with its channel", () => {
    const x = new URL(links.x);
    expect(x.origin + x.pathname).toBe("https://x.com/intent/post");
    expect(x.searchParams.get("url")).toBe(tagged("x"));
    expect(x.searchParams.get("text")).toBe(text);
    expect(new URL(links.facebook).searchParams.get("u")).toBe(tagged("facebook"));
    expect(new URL(links.whatsapp).origin).toBe("https://wa.me");
    expect(new URL(links.whatsapp).searchParams.get("text")).toBe(`${text} ${tagged("whatsapp")}`);
    const telegram = new URL(links.telegram);
    expect(telegram.origin + telegram.pathname).toBe("https://t.me/share/url");
    expect(telegram.searchParams.get("url")).toBe(tagged("telegram"));
    expect(telegram.searchParams.get("text")).toBe(text);
    const linkedin = new URL(links.linkedin);
    expect(linkedin.origin + linkedin.pathname).toBe("https://www.linkedin.com/sharing/share-offsite/");
    expect(linkedin.searchParams.get("url")).toBe(tagged("linkedin"));
  });

  it("keeps ampersands and hashes of the text out of the URL's structure", () => {
    // A raw "&" or "#" would end the parameter; encoded, the services get the text whole.
    expect(links.x).not.toContain("& defenders");
    expect(links.x).not.toContain("#now");
    expect(new URL(links.x).searchParams.getAll("url")).toHaveLength(1);
  });

  it("builds a mailto link with subject and body", () => {
    expect(links.email.startsWith("mailto:?")).toBe(true);
    const params = new URLSearchParams(links.email.slice("mailto:?".length));
    expect(params.get("subject")).toBe("Rights & defenders");
    expect(params.get("body")).toBe(`${text}\n\n${tagged("email")}`);
  });
});
