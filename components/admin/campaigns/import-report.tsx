"use client";

import { useTranslations } from "next-intl";
import type { ImportProblem, ImportReport } from "@/lib/votes/import";
import { VOTE_VALUES } from "@/lib/votes/results";

// Problem messages are chosen by code at run time, so the keys are built here rather than typed.
type Translate = (key: string, values?: Record<string, string | number>) => string;

function problemText(t: Translate, problem: ImportProblem): string {
  switch (problem.code) {
    case "invalid":
      return t(`problem.invalid.${problem.field}`, { line: problem.line });
    case "totalsMismatch":
    case "namedOverTotal":
      return t(`problem.${problem.code}`, { vote: t(`vote.${problem.vote}`), rows: problem.rows, total: problem.total });
    default: {
      const { code, ...values } = problem;
      return t(`problem.${code}`, values);
    }
  }
}

/** What the check found: rows per vote against the official totals, then every problem by line. */
export function ImportReportView({ report, fileName, headingRef }: { report: ImportReport; fileName: string | null; headingRef?: React.Ref<HTMLHeadingElement> }) {
  const t = useTranslations("AdminVotes.report");
  return (
    <section aria-labelledby="import-report-heading" className="import-report">
      <h3 id="import-report-heading" ref={headingRef} tabIndex={-1}>
        {fileName ? t("headingFile", { name: fileName }) : t("heading")}
      </h3>
      <p>{t("rows", { count: report.rowCount })}</p>
      <div className="table-wrap">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t("columns.vote")}</th>
              <th scope="col">{t("columns.rows")}</th>
              <th scope="col">{t("columns.total")}</th>
            </tr>
          </thead>
          <tbody>
            {VOTE_VALUES.map((vote) => (
              <tr key={vote}>
                <th scope="row">{t(`vote.${vote}`)}</th>
                <td>{report.counts[vote]}</td>
                <td>{vote === "UNKNOWN" ? t("notApplicable") : report.official[vote]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="small muted">{report.namesComplete ? t("completeNote") : t("partialNote")}</p>
      {report.ok ? (
        <p className="notice" role="status">
          {t("ok")}
        </p>
      ) : (
        <>
          <h4>{t("problemsHeading", { count: report.problems.length + report.moreProblems })}</h4>
          <ul className="import-problems">
            {report.problems.map((problem, index) => (
              <li key={index}>{problemText(t as unknown as Translate, problem)}</li>
            ))}
          </ul>
          {report.moreProblems > 0 && <p>{t("more", { count: report.moreProblems })}</p>}
        </>
      )}
    </section>
  );
}
