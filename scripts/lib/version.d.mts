/** True when `version` is at least `minimum` (semver: a pre-release comes before its release). */
export function atLeast(version: string, minimum: string): boolean;
