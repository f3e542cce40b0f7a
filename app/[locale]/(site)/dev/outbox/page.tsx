import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { OutboxList } from "@/components/email/outbox-list";
import { requireAdmin } from "@/lib/auth/session";
import { isOutboxViewable, outboxDir } from "@/lib/email/config";
import { listOutbox } from "@/lib/email/outbox";

// Per visitor (a token, a result, a session): rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { robots: { index: false, follow: false } };

// The outbox holds working confirmation links: it exists only while mail is not really sent and
// never in production, checked on every request rather than at build time; and only a signed-in
// admin may read it (anyone else could confirm or withdraw other people's signatures with it).
export default async function OutboxPage() {
  await connection();
  if (!isOutboxViewable()) notFound();
  await requireAdmin();
  const [t, messages] = await Promise.all([getTranslations("Outbox"), listOutbox()]);
  return (
    <div className="container">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro", { dir: outboxDir() })}</p>
      <OutboxList messages={messages} />
    </div>
  );
}
