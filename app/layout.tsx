import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteFooter, SiteHeader } from "@/components/ui/site-chrome";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#12355b" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("Site");
  return (
    <html lang={locale} dir="ltr">
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          <NextIntlClientProvider>{children}</NextIntlClientProvider>
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
