import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * Gives the campaign and vote import forms their messages. The root layout passes client components
 * only the namespaces they need; these forms get theirs here, on the admin pages that use them,
 * rather than on every public page.
 */
export async function CampaignFormMessages({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  const scoped = {
    AdminCampaigns: { form: messages.AdminCampaigns.form, status: messages.AdminCampaigns.status },
    AdminVotes: { import: messages.AdminVotes.import, report: messages.AdminVotes.report },
  };
  return <NextIntlClientProvider messages={scoped}>{children}</NextIntlClientProvider>;
}
