// Version comparison for the dependency check (scripts/audit.mjs): plain JavaScript, run before any
// TypeScript tooling. A pre-release ("16.4.3-canary.2") comes before its release, as semver says.

/** True when `version` is at least `minimum` ("16.4.3"); false for anything that does not parse. */
export function atLeast(version, minimum) {
  const parse = (text) => /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+.*)?$/.exec(String(text).trim());
  const have = parse(version);
  const want = parse(minimum);
  if (!have || !want) return false;
  for (let i = 1; i <= 3; i++) {
    if (Number(have[i]) !== Number(want[i])) return Number(have[i]) > Number(want[i]);
  }
  // The same numbers: a pre-release of the minimum is older than it (it may predate the fix).
  if (!have[4]) return true;
  // Both pre-releases of the same numbers: compared part by part, numbers as numbers (rc.10 > rc.9).
  return Boolean(want[4]) && have[4].localeCompare(want[4], "en", { numeric: true }) >= 0;
}
