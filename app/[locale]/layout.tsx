import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { WordsProvider } from "@/components/ui/words";
import { routing } from "@/i18n/routing";
import { LOCALE_DIRECTIONS } from "@/lib/i18n/locales";
import { siteUrl } from "@/lib/site-url";
// Urdu is set in Nastaliq from the bundled font (only fetched by pages that use it), never the reader's
// system fonts. One weight of the Arabic-script subset only: each weight is ~160 KB, which a phone on a
// slow connection waits for before the Urdu text settles (Lighthouse: FCP 3.1 s with 400 and 700);
// bold Urdu is synthesised from it, and Latin letters inside Urdu text use the site's own font stack.
import "@fontsource/noto-nastaliq-urdu/arabic-400.css";
import "./globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

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

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce (proxy.ts)
  // on its scripts: a page prerendered at build time would carry none, and its scripts would be blocked.
  await connection();
  // The public site's client components get their words formatted here or from the server component
  // that renders them (the signing form, the share bar): the browser formats no message, and public
  // pages load no message formatter. The admin layout gives its forms next-intl's (admin/layout.tsx).
  const [tError, tLoading] = await Promise.all([getTranslations("Error"), getTranslations("Loading")]);
  const words = { error: { title: tError("title"), body: tError("body"), retry: tError("retry"), home: tError("home") }, loading: tLoading("label") };
  return (
    <html lang={locale} dir={LOCALE_DIRECTIONS[locale]}>
      {/* The frame (header, main, footer) is the route groups' own: the embedded widget has none. */}
      <body>
        <WordsProvider words={words}>{children}</WordsProvider>
      </body>
    </html>
  );
}
