"use client";

import { createContext, useContext } from "react";
import { useParams } from "next/navigation";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The few words the public site's client components show without a server component to hand them
 * over: the error page's and the link progress's. The root layout formats them on the server; the
 * browser formats nothing, so public pages load no message formatter (the admin's forms use
 * next-intl's, from the admin layout).
 */
export type Words = {
  error: { title: string; body: string; retry: string; home: string };
  loading: string;
};

const WordsContext = createContext<Words | null>(null);

export function WordsProvider({ words, children }: { words: Words; children: React.ReactNode }) {
  return <WordsContext value={words}>{children}</WordsContext>;
}

export function useWords(): Words {
  const words = useContext(WordsContext);
  if (!words) throw new Error("useWords needs a WordsProvider (app/[locale]/layout.tsx)");
  return words;
}

/** The page's language, from the URL's first segment. */
export function usePageLocale(): Locale {
  const { locale } = useParams<{ locale?: string }>();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
