/** Parts of an ISO 8601 date of reduced precision ("2015", "2015-11", "2015-11-27"). */
export function partialDate(value: string): { date: Date; precision: "year" | "month" | "day" } | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  const date = new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, day ? Number(day) : 1));
  return { date, precision: day ? "day" : month ? "month" : "year" };
}
