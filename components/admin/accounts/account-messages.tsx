import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Gives the account forms (the accounts page, the two-factor set-up, the password) their messages. The root layout
 * passes client components only the namespaces they need; these get theirs here.
 */
export async function AccountMessages({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={{ AdminAccounts: messages.AdminAccounts, AdminTwoFactor: messages.AdminTwoFactor, AdminPassword: messages.AdminPassword }}>{children}</NextIntlClientProvider>;
}
