import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/admin/login-form";
import { getStaff } from "@/lib/auth/session";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; notice?: string }> }) {
  if (await getStaff()) redirect(await here(paths.admin()));
  const [{ callbackUrl, error, notice }, t] = await Promise.all([searchParams, getTranslations("Admin.login")]);
  // Only paths inside the admin (in any language): never redirect to another site after signing in.
  const next = callbackUrl && /^\/(?:[a-z]{2}\/)?admin(?:[/?#]|$)/.test(callbackUrl) ? callbackUrl : await here(paths.admin());
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      {notice === "password-changed" && (
        <p role="status" className="notice">
          {t("passwordChanged")}
        </p>
      )}
      <LoginForm callbackUrl={next} initialError={error ? t("failed") : null} />
    </div>
  );
}
