// Counts by country are public, but a very small count could point at one person in a small country:
// below this threshold it is shown as "<5".
export const SMALL_COUNT = 5;

export type PublicCountryCount = { country: string; signatures: number | "<5" };

/**
 * The public form of counts by country: counts of SMALL_COUNT and more as they are, largest first;
 * smaller ones as "<5", after them in the order of their country codes, so that their order does not
 * tell which small country has more. (The total is public too: when only one country is under the
 * threshold, the total minus the others gives its count. The rule keeps small counts from being read
 * at a glance or compared, not from arithmetic; docs/api.md says so.)
 */
export function publicCountryCounts(rows: readonly { country: string; confirmed: number }[]): PublicCountryCount[] {
  const shown = rows.filter((row) => row.confirmed >= SMALL_COUNT).sort((a, b) => b.confirmed - a.confirmed || a.country.localeCompare(b.country));
  const small = rows.filter((row) => row.confirmed > 0 && row.confirmed < SMALL_COUNT).sort((a, b) => a.country.localeCompare(b.country));
  return [...shown.map((row) => ({ country: row.country, signatures: row.confirmed })), ...small.map((row) => ({ country: row.country, signatures: "<5" as const }))];
}
