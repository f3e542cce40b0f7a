// The results table: every figure beside the baseline measured in the same run, their ratio, and the
// issue's goal where there is one. Printed as Markdown so it can be pasted into docs/benchmarks.md.

export type Figure = {
  scenario: string;
  measure: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** The goal as text and whether this figure meets it. */
  goal?: { text: string; met: boolean };
  /** Fewer decimals for big numbers, more for small ones, unless given. */
  digits?: number;
};

export type Note = { scenario: string; text: string };

function format(value: number, unit: string, digits?: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const places = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return `${value.toLocaleString("en-GB", { minimumFractionDigits: places, maximumFractionDigits: places })}${unit ? ` ${unit}` : ""}`;
}

export function ratio(figure: Figure): string {
  if (!figure.baseline || !Number.isFinite(figure.value) || !Number.isFinite(figure.baseline.value) || figure.baseline.value === 0) return "";
  return `${(figure.value / figure.baseline.value).toFixed(2)}×`;
}

export function renderTable(figures: Figure[]): string {
  const header = ["scenario", "measure", "value", "baseline (same run)", "ratio", "goal", "met"];
  const rows = figures.map((figure) => [
    figure.scenario,
    figure.measure,
    format(figure.value, figure.unit, figure.digits),
    figure.baseline ? `${format(figure.baseline.value, figure.unit, figure.digits)} (${figure.baseline.label})` : "",
    ratio(figure),
    figure.goal?.text ?? "",
    figure.goal ? (figure.goal.met ? "yes" : "**no**") : "",
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(" | ")} |`;
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

export function renderNotes(notes: Note[]): string {
  return notes.map((note) => `- ${note.scenario}: ${note.text}`).join("\n");
}
