import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { connection } from "next/server";
import { siteUrl } from "@/lib/site-url";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  return {
    // Makes canonical and Open Graph URLs absolute, on the site's public address (APP_URL).
    metadataBase: new URL(siteUrl()),
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("tagline"),
    openGraph: { siteName: t("name"), type: "website", title: t("name"), description: t("tagline") },
    twitter: { card: "summary", title: t("name"), description: t("tagline") },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#12355b" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce (proxy.ts)
  // on its scripts: a page prerendered at build time would carry none, and its scripts would be blocked.
  await connection();
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  // Client components get only the messages they use, not the whole catalogue.
  const clientMessages = {
    Loading: messages.Loading,
    Error: messages.Error,
    Petition: { form: messages.Petition.form, share: messages.Petition.share },
    Admin: messages.Admin,
    AdminModeration: messages.AdminModeration,
  };
  return (
    <html lang={locale} dir="ltr">
      {/* The frame (header, main, footer) is the route groups' own: the embedded widget has none. */}
      <body>
        <NextIntlClientProvider messages={clientMessages}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
