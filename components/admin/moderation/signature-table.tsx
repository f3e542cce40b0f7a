import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { filterQuery, type SignatureFilter } from "@/lib/moderation/filter";
import type { SignaturePage } from "@/lib/moderation/queries";
import { paths } from "@/lib/paths";

export async function SignatureTable({ page, filter }: { page: SignaturePage; filter: SignatureFilter }) {
  const [t, ts, format] = await Promise.all([getTranslations("AdminSignatures"), getTranslations("AdminModeration.status"), getFormatter()]);
  if (page.rows.length === 0) return <p>{t("empty")}</p>;
  return (
    <>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("select")}</th>
              <th scope="col">{t("name")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("country")}</th>
              <th scope="col">{t("status")}</th>
              <th scope="col">{t("campaign")}</th>
              <th scope="col">{t("signedAt")}</th>
              <th scope="col">{t("comment")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <input type="checkbox" name="ids" value={row.id} form="bulk-form" aria-label={t("selectOne", { name: row.fullName })} />
                </td>
                <td>
                  <Link href={paths.adminSignature(row.id)}>{row.fullName}</Link>
                </td>
                <td>{row.email}</td>
                <td>{row.country}</td>
                <td>
                  <span className="status">{ts(row.status)}</span>
                </td>
                <td>{row.campaignSlug}</td>
                <td>{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                <td>{row.comment ? (row.commentHidden ? <em>{t("commentHidden")}</em> : row.comment.slice(0, 80)) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="actions" aria-label={t("pagination")}>
        {page.newer !== null && <Link href={paths.adminSignatures(filterQuery(filter, { before: String(page.newer) }))}>{t("newer")}</Link>}
        {page.older !== null && <Link href={paths.adminSignatures(filterQuery(filter, { after: String(page.older) }))}>{t("older")}</Link>}
      </nav>
    </>
  );
}
