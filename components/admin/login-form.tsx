"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";

/**
 * Staff sign-in through next-auth's credentials provider, with the authenticator app's code for
 * accounts that have two-factor sign-in on. Every failure shows the same message: it must not tell
 * whether the account exists, is disabled, is throttled, or only the code was wrong.
 */
export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const t = useTranslations("Admin.login");
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), code: form.get("code"), redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(t("failed"));
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <form onSubmit={onSubmit} className="sign-form" aria-describedby={error ? "login-error" : undefined}>
      <p id="login-error" ref={errorRef} className="field-error" role="alert" tabIndex={-1}>
        {error}
      </p>
      <div className="field">
        <label htmlFor="login-email">{t("email")}</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor="login-password">{t("password")}</label>
        <input id="login-password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <div className="field">
        <label htmlFor="login-code">{t("code")}</label>
        <p id="login-code-hint" className="hint">
          {t("codeHint")}
        </p>
        <input id="login-code" name="code" type="text" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]{6,7}" maxLength={7} aria-describedby="login-code-hint" />
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? t("pending") : t("submit")}
      </button>
      <noscript>
        <p className="notice">{t("noScript")}</p>
      </noscript>
    </form>
  );
}
