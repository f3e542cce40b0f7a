import { getFormatter, getTranslations } from "next-intl/server";

type Props = {
  paths: { SHARE: number; WRITE: number; letters: number };
  /** Signatures that came through signers' personal links (all, and those that count). */
  referred: { signatures: number; confirmed: number };
};

/**
 * How each answer to the thank-you page's question performs: how many chose it, and what came of it
 * (signatures through personal links for sharing, letters for writing). Counts only, never who.
 */
export async function AfterSigning({ paths, referred }: Props) {
  const [t, format] = await Promise.all([getTranslations("AdminReach.afterSigning"), getFormatter()]);
  const n = (value: number) => format.number(value);
  return (
    <>
      <h2 id="after-signing-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <div className="table-wrap">
        <table className="data" aria-labelledby="after-signing-heading">
          <thead>
            <tr>
              <th scope="col">{t("path")}</th>
              <th scope="col">{t("chosen")}</th>
              <th scope="col">{t("outcome")}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t("share")}</th>
              <td>{n(paths.SHARE)}</td>
              <td>{t("shareOutcome", { confirmed: referred.confirmed, signatures: referred.signatures })}</td>
            </tr>
            <tr>
              <th scope="row">{t("write")}</th>
              <td>{n(paths.WRITE)}</td>
              <td>{t("writeOutcome", { letters: paths.letters })}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </>
  );
}
