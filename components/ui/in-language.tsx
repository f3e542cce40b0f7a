import { textDirectionOf } from "@/lib/i18n/locales";

/** Text in a language of its own (a campaign's title on a page in another language), marked so. */
export function InLanguage({ lang, children }: { lang: string; children: React.ReactNode }) {
  return (
    <span lang={lang} dir={textDirectionOf(lang)}>
      {children}
    </span>
  );
}
