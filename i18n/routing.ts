import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

// Every page lives under its language: /en/…, /ur/…. A path without one is redirected to the
// reader's language from Accept-Language (English when none matches). No cookie remembers the
// choice: the URL is the choice, and a shared link opens in the language it was shared in.
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "always",
  localeCookie: false,
  alternateLinks: false, // pages write their own hreflang links (generateMetadata)
});
