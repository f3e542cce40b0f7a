import { describe, expect, it } from "vitest";
import { confirmationEmail, repeatEmail } from "./templates";

const input = {
  locale: "en",
  campaignTitle: 'Stop <script>alert("x")</script> & "close" the camps',
  confirmUrl: "https://advocate.example/c/claas/confirm?token=abc123&lang=en",
  withdrawUrl: "https://advocate.example/c/claas/withdraw?token=def456",
  dataUrl: "https://advocate.example/my-data/ghi789",
  shareUrl: "https://advocate.example/c/claas?ref=abcdefghij",
  expiresInDays: 7,
};

describe("confirmationEmail", () => {
  const email = confirmationEmail(input);

  it("puts the campaign title in the subject, on one line", () => {
    expect(email.subject).toBe('Please confirm your signature: Stop <script>alert("x")</script> & "close" the camps');
    expect(confirmationEmail({ ...input, campaignTitle: "Two\r\nlines" }).subject).toBe("Please confirm your signature: Two lines");
  });

  it("escapes every interpolated value in the HTML part", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain("Stop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;close&quot; the camps");
    expect(email.html).toContain("<p style=\"margin:0 0 16px\">Hello,</p>");
    expect(email.html).toMatch(/^<!doctype html>\n<html lang="en" dir="ltr">/);
  });

  it("links both addresses in the HTML part, the confirmation as a button-like link", () => {
    const confirmHref = 'href="https://advocate.example/c/claas/confirm?token=abc123&amp;lang=en"';
    expect(email.html.split(confirmHref)).toHaveLength(3); // the button and the copyable address
    expect(email.html).toMatch(/<a href="https:\/\/advocate\.example\/c\/claas\/confirm\?[^"]+" style="display:inline-block[^"]*">Confirm my signature<\/a>/);
    expect(email.html).toContain('<a href="https://advocate.example/c/claas/withdraw?token=def456"');
    expect(email.html).toContain('<a href="https://advocate.example/my-data/ghi789"');
    expect(email.html).not.toContain("token=abc123&lang"); // a raw & in an attribute would be invalid HTML
  });

  it("carries the same content with full URLs in a plain text part", () => {
    expect(email.text).toContain(input.confirmUrl);
    expect(email.text).toContain(input.withdrawUrl);
    expect(email.text).toContain(input.dataUrl);
    expect(email.text).toContain(input.shareUrl);
    expect(email.html).toContain(`href="${input.shareUrl}"`);
    expect(email.text.startsWith("Hello,\n")).toBe(true);
    expect(email.text).toContain("signed the petition “Stop <script>");
    expect(email.text).toContain("valid for 7 days");
    expect(email.text).toContain("nothing is counted unless it is confirmed");
    expect(email.text).toContain("withdraw your signature");
    const withoutValues = email.text.replaceAll(input.campaignTitle, "");
    expect(withoutValues).not.toMatch(/<\/?[a-z][^>]*>/i);
  });

  it("uses the singular for one day and falls back to English", () => {
    const email = confirmationEmail({ ...input, locale: "xx", expiresInDays: 1 });
    expect(email.text).toContain("valid for 1 day.");
    expect(email.text.startsWith("Hello,\n")).toBe(true);
    expect(email.html).toContain('<html lang="en"');
  });

  it("refuses links that are not absolute web addresses", () => {
    expect(() => confirmationEmail({ ...input, confirmUrl: "javascript:alert(1)" })).toThrow(/http/);
    expect(() => confirmationEmail({ ...input, withdrawUrl: "/c/claas/withdraw" })).toThrow(/http/);
  });
});

describe("repeatEmail", () => {
  const email = repeatEmail({ locale: "en", campaignTitle: input.campaignTitle, withdrawUrl: input.withdrawUrl, dataUrl: input.dataUrl });

  it("tells the owner that the address has already signed, with their data and withdrawal links and no confirmation link", () => {
    expect(email.subject).toBe(`About your signature: ${input.campaignTitle}`);
    expect(email.text).toContain("This address has already signed it, so nothing has changed.");
    expect(email.text).toContain(input.dataUrl);
    expect(email.text).toContain(input.withdrawUrl);
    expect(email.text).not.toMatch(/confirm/i);
    expect(email.html).not.toContain("<script>");
  });

  it("is written in Urdu for an Urdu signer, right to left", () => {
    const urdu = repeatEmail({ locale: "ur", campaignTitle: "عنوان", withdrawUrl: input.withdrawUrl, dataUrl: input.dataUrl });
    expect(urdu.subject).toBe("آپ کے دستخط کے بارے میں: عنوان");
    expect(urdu.html).toMatch(/<html lang="ur" dir="rtl">/);
  });
});
