"use client";

import { Link } from "@/i18n/navigation";
import { useTranslations } from "next-intl";
import { paths } from "@/lib/paths";

// Shows a generic message: the error's own text may hold internals and is never shown to the user.
export function ErrorView({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Error");
  return (
    <div className="container narrow" role="alert">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p className="actions">
        <button type="button" className="button" onClick={reset}>
          {t("retry")}
        </button>
        <Link href={paths.home()}>{t("home")}</Link>
      </p>
    </div>
  );
}
