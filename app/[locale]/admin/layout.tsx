import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { SiteFrame } from "@/components/ui/site-chrome";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  // The admin's client components format their own words; the public pages do not carry these messages.
  const messages = await getMessages();
  return (
    <SiteFrame>
      <NextIntlClientProvider messages={{ Loading: messages.Loading, Error: messages.Error, Admin: messages.Admin, AdminModeration: messages.AdminModeration }}>{children}</NextIntlClientProvider>
    </SiteFrame>
  );
}
