// Cells for CSV files that staff open in spreadsheet apps. Pure functions: no server imports.

// A spreadsheet app treats a cell that starts with one of these as a formula, even inside quotes, so
// a signer who types "=HYPERLINK(...)" as their name could run something on the admin's computer
// (OWASP "CSV injection"). Tab and carriage return are on the list because some apps strip them and
// then read the formula behind them.
/** The characters that make a spreadsheet app read a cell as a formula (also in lib/export/signatures.ts's SQL). */
export const FORMULA_START_CHARACTERS = ["=", "+", "-", "@", "\t", "\r"] as const;
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Makes a text cell inert: a leading apostrophe tells spreadsheet apps "this is text" and is hidden
 * by them. Apply it to every text cell that can hold user input; the apostrophe is visible in plain
 * text tools, which is the accepted price.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * One cell as text. Only strings are neutralised: numbers, booleans and dates are written by us, not
 * typed by anyone, so a negative number stays a number ("-2", not "'-2").
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return neutraliseFormula(value);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The file name of an export made on `date` (UTC), e.g. "signatures-2026-03-01.csv". */
export function exportFileName(prefix: string, date: Date = new Date()): string {
  return `${prefix}-${date.toISOString().slice(0, 10)}.csv`;
}
