import "server-only";
import { catalogLocale, textDirection, translator } from "@/lib/i18n/catalogs";
import { escapeHtml } from "@/lib/html";

// Emails are written outside a request (no getTranslations): lib/i18n/catalogs.ts has the messages.

export type RenderedEmail = { subject: string; text: string; html: string };

export type ConfirmationEmailInput = {
  locale: string;
  campaignTitle: string;
  confirmUrl: string;
  withdrawUrl: string;
  /** Where the signer downloads what we hold about them (and sees their referrals). */
  dataUrl: string;
  /** The signer's personal share link (the campaign with their referral code). */
  shareUrl: string;
  expiresInDays: number;
};

// Neither mail repeats the name typed into the form: anyone can type any address, and the mail would
// carry their words (a link, an insult) to its owner under the campaign's name.

export function confirmationEmail(input: ConfirmationEmailInput): RenderedEmail {
  const locale = catalogLocale(input.locale);
  const t = translator(locale, "Email.confirmation");
  const confirmUrl = webUrl(input.confirmUrl);
  const title = oneLine(input.campaignTitle);
  return render(locale, t("subject", { title }), [
    { text: t("greetingNoName") },
    { text: t("why", { title }) },
    { text: t("confirmIntro") },
    { button: { label: t("confirmButton"), url: confirmUrl } },
    { text: t("validity", { days: input.expiresInDays }) },
    { text: t("copyLink"), url: confirmUrl },
    { text: t("notYou") },
    { text: t("shareIntro"), url: webUrl(input.shareUrl) },
    { text: t("withdrawIntro"), link: { label: t("withdrawLink"), url: webUrl(input.withdrawUrl) } },
    { text: t("dataIntro"), link: { label: t("dataLink"), url: webUrl(input.dataUrl) } },
    { text: t("signoff") },
  ]);
}

export type RepeatEmailInput = { locale: string; campaignTitle: string; withdrawUrl: string; dataUrl: string };

/** To an address that has already signed, when someone signs with it again: what it is, and the owner's links. */
export function repeatEmail(input: RepeatEmailInput): RenderedEmail {
  const locale = catalogLocale(input.locale);
  const t = translator(locale, "Email.repeat");
  const c = translator(locale, "Email.confirmation");
  const title = oneLine(input.campaignTitle);
  return render(locale, t("subject", { title }), [
    { text: c("greetingNoName") },
    { text: t("why", { title }) },
    { text: t("dataIntro"), link: { label: c("dataLink"), url: webUrl(input.dataUrl) } },
    { text: c("withdrawIntro"), link: { label: c("withdrawLink"), url: webUrl(input.withdrawUrl) } },
    { text: t("notYou") },
    { text: c("signoff") },
  ]);
}

export type UpdateEmailInput = {
  locale: string;
  campaignTitle: string;
  subject: string;
  /** The update's Markdown: its text part as written, its HTML part through the statement's sanitiser. */
  markdown: string;
  html: string;
  unsubscribeUrl: string;
  dataUrl: string;
  /** A test sent to staff: says so at the top. */
  test?: boolean;
};

/** A campaign update to a signer who agreed to hear from the campaign: why they get it, how to stop. */
export function updateEmail(input: UpdateEmailInput): RenderedEmail {
  const locale = catalogLocale(input.locale);
  const t = translator(locale, "Email.update");
  const title = oneLine(input.campaignTitle);
  const subject = oneLine(input.subject);
  return render(locale, input.test ? `${t("testPrefix")} ${subject}` : subject, [
    ...(input.test ? [{ text: t("testBanner") }] : []),
    { markdown: input.markdown.trim(), html: input.html },
    { text: t("why", { title }) },
    { text: t("unsubscribeIntro"), link: { label: t("unsubscribeLink"), url: webUrl(input.unsubscribeUrl) } },
    { text: t("dataIntro"), link: { label: t("dataLink"), url: webUrl(input.dataUrl) } },
  ]);
}

type Block =
  | { text: string; url?: string; link?: { label: string; url: string } }
  | { button: { label: string; url: string } }
  /** Staff's words: Markdown in the text part, the sanitised HTML (lib/campaigns/markdown.ts) in the other. */
  | { markdown: string; html: string };

/** The text part and the HTML part from the same blocks; in the text part every link is written out in full. */
function render(locale: string, subject: string, blocks: Block[]): RenderedEmail {
  const text = blocks
    .map((block) => {
      if ("button" in block) return null; // its address follows in full in the next block
      if ("markdown" in block) return block.markdown;
      if (block.url) return `${block.text}\n${block.url}`;
      if (block.link) return `${block.text}\n${block.link.url}`;
      return block.text;
    })
    .filter((line) => line !== null)
    .join("\n\n")
    .concat("\n");

  // Every string is escaped whole, message text included: translators write plain text, never markup.
  const e = escapeHtml;
  const paragraph = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const body = blocks.map((block) => {
    if ("markdown" in block) return `<div style="margin:0 0 16px">${block.html}</div>`;
    if ("button" in block) return paragraph(`<a href="${e(block.button.url)}" style="display:inline-block;padding:12px 20px;background:#12355b;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px">${e(block.button.label)}</a>`);
    if (block.url) return paragraph(`${e(block.text)}<br><a href="${e(block.url)}" style="color:#0b4f8a;word-break:break-all">${e(block.url)}</a>`);
    if (block.link) return paragraph(`${e(block.text)} <a href="${e(block.link.url)}" style="color:#0b4f8a">${e(block.link.label)}</a>`);
    return paragraph(e(block.text));
  });
  const html = `<!doctype html>
<html lang="${e(locale)}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:36rem">
${body.join("\n")}
</main>
</body>
</html>
`;
  return { subject, text, html };
}

// Links in an email must be absolute web addresses; anything else is a bug upstream, not content.
function webUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new Error("Email links must be absolute http(s) URLs.");
  }
  return url.href;
}

// A line break in a name or title would break the subject header and the layout of the text part.
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}
