"use client";

import { usePathname } from "next/navigation";
import { LocaleLink } from "@/components/ui/locale-link";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

/**
 * The same page in the site's other languages, each named in its own language and script. A client
 * component because the layout it sits in is not rendered again when the reader moves to another page;
 * it reads the path from the URL (next/navigation, not next-intl's: public pages load none of it).
 */
export function LanguageSwitcher({ current, label }: { current: Locale; label: string }) {
  // "/en/c/x" → "/c/x": every page's path starts with its language (i18n/routing.ts, prefix always).
  const rest = usePathname().replace(/^\/[^/]+/, "");
  return (
    <nav aria-label={label} className="language-switcher">
      <ul>
        {LOCALES.filter((locale) => locale !== current).map((locale) => (
          <li key={locale}>
            <LocaleLink locale={locale} href={rest} lang={locale} hrefLang={locale}>
              {LOCALE_NAMES[locale]}
            </LocaleLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
