import "server-only";
import { catalogLocale, textDirection, translator } from "@/lib/i18n/catalogs";
import { escapeHtml } from "@/lib/html";

// Emails are written outside a request (no getTranslations): lib/i18n/catalogs.ts has the messages.

export type RenderedEmail = { subject: string; text: string; html: string };

export type ConfirmationEmailInput = {
  locale: string;
  campaignTitle: string;
  signerName: string;
  confirmUrl: string;
  withdrawUrl: string;
  /** Where the signer downloads what we hold about them (and sees their referrals). */
  dataUrl: string;
  /** The signer's personal share link (the campaign with their referral code). */
  shareUrl: string;
  expiresInDays: number;
};

export function confirmationEmail(input: ConfirmationEmailInput): RenderedEmail {
  const locale = catalogLocale(input.locale);
  const t = translator(locale, "Email.confirmation");
  const confirmUrl = webUrl(input.confirmUrl);
  const withdrawUrl = webUrl(input.withdrawUrl);
  const dataUrl = webUrl(input.dataUrl);
  const shareUrl = webUrl(input.shareUrl);
  const title = oneLine(input.campaignTitle);
  const name = oneLine(input.signerName);

  const subject = t("subject", { title });
  const greeting = name ? t("greeting", { name }) : t("greetingNoName");
  const why = t("why", { title });
  const confirmIntro = t("confirmIntro");
  const validity = t("validity", { days: input.expiresInDays });
  const notYou = t("notYou");
  const withdrawIntro = t("withdrawIntro");
  const dataIntro = t("dataIntro");
  const shareIntro = t("shareIntro");

  // The text part stands on its own: every link is written out in full.
  const text = [greeting, why, `${confirmIntro}\n${confirmUrl}`, validity, notYou, `${shareIntro}\n${shareUrl}`, `${withdrawIntro}\n${withdrawUrl}`, `${dataIntro}\n${dataUrl}`, t("signoff")]
    .join("\n\n")
    .concat("\n");

  // Every string is escaped whole, message text included: translators write plain text, never markup.
  const e = escapeHtml;
  const paragraph = (content: string) => `<p style="margin:0 0 16px">${content}</p>`;
  const html = `<!doctype html>
<html lang="${e(locale)}" dir="${textDirection(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(subject)}</title>
</head>
<body style="margin:0;padding:24px;background:#ffffff;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5">
<main style="max-width:36rem">
${paragraph(e(greeting))}
${paragraph(e(why))}
${paragraph(e(confirmIntro))}
${paragraph(`<a href="${e(confirmUrl)}" style="display:inline-block;padding:12px 20px;background:#12355b;color:#ffffff;font-weight:600;text-decoration:none;border-radius:6px">${e(t("confirmButton"))}</a>`)}
${paragraph(e(validity))}
${paragraph(`${e(t("copyLink"))}<br><a href="${e(confirmUrl)}" style="color:#0b4f8a;word-break:break-all">${e(confirmUrl)}</a>`)}
${paragraph(e(notYou))}
${paragraph(`${e(shareIntro)}<br><a href="${e(shareUrl)}" style="color:#0b4f8a;word-break:break-all">${e(shareUrl)}</a>`)}
${paragraph(`${e(withdrawIntro)} <a href="${e(withdrawUrl)}" style="color:#0b4f8a">${e(t("withdrawLink"))}</a>`)}
${paragraph(`${e(dataIntro)} <a href="${e(dataUrl)}" style="color:#0b4f8a">${e(t("dataLink"))}</a>`)}
${paragraph(e(t("signoff")))}
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
