import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { AuditAction } from "@/components/admin/audit/audit-action";
import { listAudit } from "@/lib/audit/queries";
import { requireStaff } from "@/lib/auth/session";
import { paths } from "@/lib/paths";

// Staff only: rendered for each request, never cached (lib/net/cacheable-pages.ts).
export const dynamic = "force-dynamic";

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  await requireStaff();
  const { before } = await searchParams;
  const cursor = before && /^\d+$/.test(before) ? Number(before) : undefined;
  const [t, format, { entries, older }] = await Promise.all([getTranslations("AdminAudit"), getFormatter(), listAudit(cursor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("when")}</th>
                <th scope="col">{t("who")}</th>
                <th scope="col">{t("what")}</th>
                <th scope="col">{t("campaign")}</th>
                <th scope="col">{t("count")}</th>
                <th scope="col">{t("signatures")}</th>
                <th scope="col">{t("reason")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td>{format.dateTime(entry.createdAt, { dateStyle: "medium", timeStyle: "medium" })}</td>
                  <td>{entry.actorEmail ?? t("system")}</td>
                  <td>
                    <AuditAction action={entry.action} details={entry.details} />
                  </td>
                  <td>{entry.campaign?.slug ?? "—"}</td>
                  <td>{format.number(entry.count)}</td>
                  <td>{entry.signatureIds.length > 0 ? entry.signatureIds.slice(0, 10).join(", ") + (entry.signatureIds.length > 10 ? "…" : "") : entry.filter ? JSON.stringify(entry.filter) : "—"}</td>
                  <td>{entry.reason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {older !== null && <Link href={paths.adminAudit(older)}>{t("older")}</Link>}
    </>
  );
}
