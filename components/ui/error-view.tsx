"use client";

import { LocaleLink } from "@/components/ui/locale-link";
import { usePageLocale, useWords } from "@/components/ui/words";
import { paths } from "@/lib/paths";

// Shows a generic message: the error's own text may hold internals and is never shown to the user.
export function ErrorView({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { error: t } = useWords();
  const locale = usePageLocale();
  return (
    <div className="container narrow" role="alert">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p className="actions">
        <button type="button" className="button" onClick={reset}>
          {t.retry}
        </button>
        <LocaleLink locale={locale} href={paths.home()}>
          {t.home}
        </LocaleLink>
      </p>
    </div>
  );
}
