import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/ui/submit-button";
import { readUnsubscribeToken } from "@/lib/updates/unsubscribe-token";
import { unsubscribeAction } from "@/lib/updates/unsubscribe-actions";

// Per visitor (a token): rendered for each request, never cached (lib/net/cacheable-pages.ts). The link
// in each update's mail opens it; a button does the change (mail scanners follow links, never press).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false }, referrer: "same-origin" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ done?: string | string[] }> };

export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ token }, { done }, t] = await Promise.all([params, searchParams, getTranslations("Unsubscribe")]);
  const message =
    token === "test" ? t("test") : done === "unsubscribed" ? t("done") : done === "already" ? t("already") : !readUnsubscribeToken(token) || done === "invalid" ? t("invalid") : null;
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      {message ? (
        <p className="lead" role="status">
          {message}
        </p>
      ) : (
        <form action={unsubscribeAction}>
          <p className="lead">{t("body")}</p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton variant="primary" label={t("button")} pending={t("pending")} />
        </form>
      )}
      <p className="small">{t("signatureStays")}</p>
    </div>
  );
}
