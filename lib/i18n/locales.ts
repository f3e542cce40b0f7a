// The languages the site is offered in. One list for routing, the language switcher and campaign
// translations; no server imports, so client components may use it too.

export const LOCALES = ["en", "ur"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Each language's name in that language (a language switcher lists them so). */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", ur: "اردو" };

/** Writing direction of each language, for `dir` on the page and on text in that language. */
export const LOCALE_DIRECTIONS: Record<Locale, "ltr" | "rtl"> = { en: "ltr", ur: "rtl" };

/**
 * The name of a language as a reader of `inLocale` says it ("Urdu" in English, "انگریزی" in Urdu),
 * for messages such as "Translated from {language}". A campaign's language may be one the site is not
 * offered in: Intl names any BCP 47 tag, and the tag itself is the last resort.
 */
export function languageName(locale: string, inLocale: string): string {
  try {
    return new Intl.DisplayNames([inLocale, DEFAULT_LOCALE], { type: "language", fallback: "code" }).of(locale) ?? locale;
  } catch {
    return locale; // not a well-formed tag
  }
}

/** "Urdu (اردو)" for a reader of English: the name in the reader's language, then the language's own. */
export function languageLabel(locale: string, inLocale: string): string {
  const name = languageName(locale, inLocale);
  const own = isLocale(locale) ? LOCALE_NAMES[locale] : languageName(locale, locale);
  return own && own !== name && own !== locale ? `${name} (${own})` : name;
}

/** The writing direction of any BCP 47 language (a campaign may be in one the site is not offered in). */
export function textDirectionOf(locale: string): "ltr" | "rtl" {
  return ["ar", "fa", "he", "ps", "ur", "yi", "sd", "ug", "ckb", "dv"].includes(locale.split("-")[0]!.toLowerCase()) ? "rtl" : "ltr";
}
