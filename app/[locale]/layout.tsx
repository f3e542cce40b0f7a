import type { Metadata, Viewport } from "next";
import { getTranslations } from "next-intl/server";
import { WordsProvider } from "@/components/ui/words";
import { URDU_FONT_URL } from "@/lib/fonts/urdu";
import { LOCALE_DIRECTIONS } from "@/lib/i18n/locales";
import { pageLocale } from "@/lib/i18n/page-locale";
import { siteUrl } from "@/lib/site-url";
import "./globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  await pageLocale(params);
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
  const locale = await pageLocale(params);
  // Nothing here is per request: the public pages under it are cached and shared (proxy.ts,
  // lib/net/cacheable-pages.ts); the others are dynamic by their own `dynamic = "force-dynamic"`.
  // The public site's client components get their words formatted here or from the server component
  // that renders them (the signing form, the share bar): the browser formats no message, and public
  // pages load no message formatter. The admin layout gives its forms next-intl's (admin/layout.tsx).
  const [tError, tLoading] = await Promise.all([getTranslations("Error"), getTranslations("Loading")]);
  const words = { error: { title: tError("title"), body: tError("body"), retry: tError("retry"), home: tError("home") }, loading: tLoading("label") };
  return (
    <html lang={locale} dir={LOCALE_DIRECTIONS[locale]}>
      {/* The frame (header, main, footer) is the route groups' own: the embedded widget has none. */}
      <body>
        {/* Urdu is set in Nastaliq from the bundled font, never the reader's system fonts (globals.css):
            one weight of the Arabic-script subset (~160 KB; bold is synthesised). Urdu pages fetch it
            at once, with the styles, not once the layout finds Urdu text. React puts this <link> in
            <head> (react-dom's preload() reached the RSC payload but not the HTML). */}
        {locale === "ur" && <link rel="preload" href={URDU_FONT_URL} as="font" type="font/woff2" crossOrigin="anonymous" />}
        <WordsProvider words={words}>{children}</WordsProvider>
      </body>
    </html>
  );
}
