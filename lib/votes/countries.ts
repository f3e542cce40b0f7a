// Names used by the UN in 2015 that have changed since (ISO codes have not). Source: the data's SOURCES.md.
const RENAMED_SINCE_2015: Readonly<Record<string, string>> = {
  SWZ: "Eswatini",
  MKD: "North Macedonia",
  CZE: "Czechia",
  TUR: "Türkiye",
};

/** The country's present name when it differs from the one in the vote record. */
export function currentNameIfRenamed(iso3: string, recordedName: string): string | null {
  const current = RENAMED_SINCE_2015[iso3];
  return current && current !== recordedName ? current : null;
}
