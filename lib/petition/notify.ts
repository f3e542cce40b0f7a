import "server-only";
import { maskAddress, sendMail } from "@/lib/email/mailer";
import { confirmationEmail } from "@/lib/email/templates";
import { paths } from "@/lib/paths";
import { CONFIRM_TOKEN_DAYS } from "@/lib/petition/tokens";
import { absoluteUrl } from "@/lib/site-url";

export type ConfirmationLinks = { confirmToken: string; withdrawToken: string; accessToken: string };

/** Mails the confirmation link. Returns false (and logs, without the address) when sending failed. */
export async function sendConfirmation(input: { to: string; name: string; campaignTitle: string; locale: string; links: ConfirmationLinks; shareUrl: string }): Promise<boolean> {
  const mail = confirmationEmail({
    locale: input.locale,
    campaignTitle: input.campaignTitle,
    signerName: input.name,
    confirmUrl: absoluteUrl(paths.confirm(input.links.confirmToken)),
    withdrawUrl: absoluteUrl(paths.withdraw(input.links.withdrawToken)),
    dataUrl: absoluteUrl(paths.myData(input.links.accessToken)),
    shareUrl: input.shareUrl,
    expiresInDays: CONFIRM_TOKEN_DAYS,
  });
  try {
    await sendMail({ to: input.to, ...mail });
    return true;
  } catch (error) {
    console.error(`petition: confirmation mail to ${maskAddress(input.to)} failed:`, error instanceof Error ? error.message : error);
    return false;
  }
}
