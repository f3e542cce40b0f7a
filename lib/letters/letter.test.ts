import { describe, expect, it } from "vitest";
import { letterTo, mailtoLink } from "@/lib/letters/letter";

// The letter as a mail app receives it: parsed back the way a mail app parses a mailto: link.
function parse(link: string) {
  const url = new URL(link);
  const query = new Map(url.search.slice(1).split("&").map((pair) => pair.split("=") as [string, string]));
  return { protocol: url.protocol, to: decodeURIComponent(url.pathname), subject: decodeURIComponent(query.get("subject")!), body: decodeURIComponent(query.get("body")!), raw: link };
}

describe("letterTo", () => {
  it("puts the target's name wherever the letter says [target], and nothing else", () => {
    expect(letterTo({ subject: "To [target]", body: "Dear [target],\n\n[target]: act. {target} [title]" }, "the Ministry")).toEqual({
      subject: "To the Ministry",
      body: "Dear the Ministry,\n\nthe Ministry: act. {target} [title]",
    });
  });
});

describe("mailtoLink", () => {
  it("carries the subject and body exactly, spaces as %20 and line breaks as CRLF (RFC 6068)", () => {
    const letter = { subject: "Pakistan's vote & rights: 100% (now?)", body: "Dear Sir,\n\nLine one + two = three.\r\nYours,\n" };
    const link = mailtoLink("mission@example.org", letter);
    expect(link.startsWith("mailto:mission@example.org?subject=")).toBe(true);
    expect(link).not.toContain("+");
    expect(link).not.toMatch(/[\s"<>]/);
    const parsed = parse(link);
    expect(parsed.to).toBe("mission@example.org");
    expect(parsed.subject).toBe(letter.subject);
    expect(parsed.body).toBe("Dear Sir,\r\n\r\nLine one + two = three.\r\nYours,\r\n");
  });

  it("keeps Urdu text whole, and leaves the address empty for the signer when none is published", () => {
    const letter = { subject: "انسانی حقوق کے محافظ", body: "محترم،\n\nگزارش ہے۔" };
    const parsed = parse(mailtoLink(null, letter));
    expect(parsed.raw.startsWith("mailto:?subject=")).toBe(true);
    expect(parsed.to).toBe("");
    expect(parsed.subject).toBe(letter.subject);
    expect(parsed.body).toBe("محترم،\r\n\r\nگزارش ہے۔");
  });

  it("cannot be made to carry another header or recipient through the address or the text", () => {
    const link = mailtoLink("a@example.org?cc=b@example.org&bcc=c@example.org", { subject: "x&cc=d@example.org", body: "y?bcc=e@example.org" });
    const query = new URL(link).search.slice(1).split("&").map((pair) => pair.split("=")[0]);
    expect(query).toEqual(["subject", "body"]);
    expect(new URL(link).pathname).toBe("a@example.org%3Fcc%3Db@example.org%26bcc%3Dc@example.org");
  });
});
