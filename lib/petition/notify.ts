import "server-only";
import { maskAddress, sendMail } from "@/lib/email/mailer";
import { confirmationEmail } from "@/lib/email/templates";
import { requestLog } from "@/lib/log";
import { localised, paths } from "@/lib/paths";
import { CONFIRM_TOKEN_DAYS } from "@/lib/petition/tokens";
import { absoluteUrl } from "@/lib/site-url";

export type ConfirmationLinks = { confirmToken: string; withdrawToken: string; accessToken: string };

/** Mails the confirmation link. Returns false (and logs, without the address) when sending failed. */
export async function sendConfirmation(input: { to: string; name: string; campaignTitle: string; locale: string; links: ConfirmationLinks; shareUrl: string }): Promise<boolean> {
  const mail = confirmationEmail({
    locale: input.locale,
    campaignTitle: input.campaignTitle,
    signerName: input.name,
    // The pages open in the language the signer signed in.
    confirmUrl: absoluteUrl(localised(input.locale, paths.confirm(input.links.confirmToken))),
    withdrawUrl: absoluteUrl(localised(input.locale, paths.withdraw(input.links.withdrawToken))),
    dataUrl: absoluteUrl(localised(input.locale, paths.myData(input.links.accessToken))),
    shareUrl: input.shareUrl,
    expiresInDays: CONFIRM_TOKEN_DAYS,
  });
  try {
    await sendMail({ to: input.to, ...mail });
    return true;
  } catch (error) {
    (await requestLog()).error("petition: confirmation mail failed", { to: maskAddress(input.to), error });
    return false;
  }
}
