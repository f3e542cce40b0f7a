import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * A page's or layout's language, from its `[locale]` segment, told to next-intl for the render
 * (setRequestLocale): without it next-intl reads a request header, which makes a page dynamic, and a
 * cacheable page (lib/net/cacheable-pages.ts) must not be. Each page, layout and generateMetadata of
 * those calls it, as next-intl asks: a segment may be rendered without its parents.
 */
export async function pageLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
