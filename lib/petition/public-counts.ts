// Counts by country are public, but a very small count could point at one person in a small country:
// below this threshold it is shown as "<5".
export const SMALL_COUNT = 5;

export type PublicCountryCount = { country: string; signatures: number | "<5" };

export function publicCountryCounts(rows: { country: string; confirmed: number }[]): PublicCountryCount[] {
  return rows.map((row) => ({ country: row.country, signatures: row.confirmed < SMALL_COUNT ? "<5" : row.confirmed }));
}
