import { HONEYPOT_FIELD } from "@/lib/petition/fields";

/**
 * A field people never see or reach (off-screen, hidden from assistive technology, out of the tab
 * order) but form-filling robots fill in. Its label still says to leave it empty, for anyone who
 * meets it anyway (a page without styles). A signature with it filled in is quietly held for review.
 */
export function Honeypot({ label }: { label: string }) {
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor={HONEYPOT_FIELD}>{label}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
