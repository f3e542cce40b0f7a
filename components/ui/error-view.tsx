"use client";

import Link from "next/link";
import { usePageLocale, useWords } from "@/components/ui/words";
import { localised, paths } from "@/lib/paths";

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
        <Link href={localised(locale, paths.home())}>{t.home}</Link>
      </p>
    </div>
  );
}
