import "server-only";
import type { MailMessage } from "@/lib/email/mailer";
import { confirmationEmail, repeatEmail } from "@/lib/email/templates";
import { localised, paths } from "@/lib/paths";
import { CONFIRM_TOKEN_DAYS } from "@/lib/petition/tokens";
import { absoluteUrl } from "@/lib/site-url";

// The mails a signing attempt queues (lib/email/queue.ts sends them). The pages they link to open in
// the language the signer signed in.

/** A page's absolute address in the signer's language. */
const pageUrl = (locale: string, path: string) => absoluteUrl(localised(locale, path));

export type SignerLinks = { confirmToken?: string; withdrawToken: string; accessToken: string };

/** The confirmation link, with the withdrawal and data links. */
export function confirmationMessage(input: { to: string; campaignTitle: string; locale: string; links: SignerLinks & { confirmToken: string }; shareUrl: string }): MailMessage {
  return {
    to: input.to,
    ...confirmationEmail({
      locale: input.locale,
      campaignTitle: input.campaignTitle,
      confirmUrl: pageUrl(input.locale, paths.confirm(input.links.confirmToken)),
      withdrawUrl: pageUrl(input.locale, paths.withdraw(input.links.withdrawToken)),
      dataUrl: pageUrl(input.locale, paths.myData(input.links.accessToken)),
      shareUrl: input.shareUrl,
      expiresInDays: CONFIRM_TOKEN_DAYS,
    }),
  };
}

/** To an address that has already signed: nothing changed, and here are its owner's links. */
export function repeatMessage(input: { to: string; campaignTitle: string; locale: string; links: SignerLinks }): MailMessage {
  return {
    to: input.to,
    ...repeatEmail({
      locale: input.locale,
      campaignTitle: input.campaignTitle,
      withdrawUrl: pageUrl(input.locale, paths.withdraw(input.links.withdrawToken)),
      dataUrl: pageUrl(input.locale, paths.myData(input.links.accessToken)),
    }),
  };
}
