import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { TokenPage } from "@/components/petition/token-page";
import { withdrawAction } from "@/lib/petition/actions";
import { describeToken } from "@/lib/petition/queries";

// Per visitor (a token, a result, a session): rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false }, referrer: "same-origin" };

export default async function WithdrawPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations("Petition.withdraw"), describeToken(token, "WITHDRAW")]);
  const title = link?.campaign.title ?? "";
  if (link?.status === "WITHDRAWN") return <TokenPage namespace="Petition.withdraw" title={title} message={t("alreadyWithdrawn")} problem={false} />;
  if (!link || link.expired) return <TokenPage namespace="Petition.withdraw" title={title} message={t("invalid")} problem />;
  return (
    <TokenPage
      namespace="Petition.withdraw"
      title={title}
      message={t("body", { title })}
      problem={false}
      form={{ action: withdrawAction, token, button: t("button") }}
    />
  );
}
