import { describe, expect, it } from "vitest";
import { SHARE_TARGETS, shareLinks } from "@/lib/sharing/links";

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

  it("points at each service's exact host and path", () => {
    const at = (link: string) => {
      const parsed = new URL(link);
      return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
    };
    expect(at(links.whatsapp)).toBe("https://wa.me/");
    expect(at(links.x)).toBe("https://x.com/intent/post");
    expect(at(links.facebook)).toBe("https://www.facebook.com/sharer/sharer.php");
    expect(at(links.telegram)).toBe("https://t.me/share/url");
    expect(at(links.linkedin)).toBe("https://www.linkedin.com/sharing/share-offsite/");
    expect(new URL(links.email)).toMatchObject({ protocol: "mailto:", host: "", pathname: "" });
    expect(Object.keys(links).sort()).toEqual([...SHARE_TARGETS].sort());
  });

  it("hands every service non-Latin text and URL-significant characters back exactly as given", () => {
    // A campaign's address as campaignLink builds it: the slug percent-encoded, here an Urdu one.
    const address = `https://example.org/ur/c/${encodeURIComponent("تحفظ-مہم")}?ref=abcdefghij`;
    for (const title of ["انسانی حقوق کے محافظوں کا تحفظ", "Rights & wrongs #1? 100% sure + more 🙂 a=b"]) {
      const shared = shareLinks({ url: address, text: title, subject: `${title}!` });
      const params = (link: string) => {
        const search = new URL(link).searchParams;
        expect(search.size).toBe(new Set(search.keys()).size); // no parameter split in two
        return Object.fromEntries(search);
      };
      const source = (target: string) => `${address}&utm_source=${target}`;
      expect(params(shared.whatsapp)).toEqual({ text: `${title} ${source("whatsapp")}` });
      expect(params(shared.x)).toEqual({ text: title, url: source("x") });
      expect(params(shared.facebook)).toEqual({ u: source("facebook") });
      expect(params(shared.telegram)).toEqual({ url: source("telegram"), text: title });
      expect(params(shared.linkedin)).toEqual({ url: source("linkedin") });
      expect(Object.fromEntries(new URLSearchParams(shared.email.slice("mailto:?".length)))).toEqual({
        subject: `${title}!`,
        body: `${title}\n\n${source("email")}`,
      });
      // The tagged link still leads to the same page: the slug and the referral code survive.
      const landing = new URL(params(shared.facebook).u!);
      expect(decodeURIComponent(landing.pathname)).toBe("/ur/c/تحفظ-مہم");
      expect(Object.fromEntries(landing.searchParams)).toEqual({ ref: "abcdefghij", utm_source: "facebook" });
    }
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
