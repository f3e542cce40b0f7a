import { ZxcvbnFactory, type Match } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// New staff passwords are checked with zxcvbn (its common-passwords list of about 30,000 entries,
// keyboard patterns, dates, repeats and sequences). Server-side only, and heavy (the dictionaries
// are about 1 MB): no "server-only" import because the command line (`npm run admin:create`, the
// first start's ADMIN_PASSWORD) runs outside Next and checks passwords too, so eslint.config.mjs keeps
// app/ and components/ from importing this module or lib/accounts/schema.ts (which uses it) as a value.

/** zxcvbn's score (0 to 4) a new password must reach: 3 is "safely unguessable" for an online attack. */
export const MIN_PASSWORD_SCORE = 3;
/** zxcvbn's time grows with the length; a password this long is not weak for being longer. */
const CHECKED_LENGTH = 100;

export type PasswordWeakness = "passwordCommon" | "passwordWeak";

let factory: ZxcvbnFactory | null = null;

function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return factory;
}

/** The words of an email address and a name, so that a password made of them counts as guessable. */
function personalWords(inputs: (string | null | undefined)[]): string[] {
  const words = inputs.flatMap((input) => (input ? [input, ...input.toLowerCase().split(/[^\p{L}\p{N}]+/u)] : []));
  return [...new Set(words.filter((word) => word.length >= 3))];
}

const isCommonPassword = (match: Match) => match.pattern === "dictionary" && match.dictionaryName === "passwords-common";

/**
 * Why a new password must be refused, or null when it may be used: "passwordCommon" when it is made
 * only of entries of the common-passwords list (with l33t or reversed spellings), "passwordWeak" when
 * zxcvbn scores it below MIN_PASSWORD_SCORE (close to a word, a name, a date, a keyboard pattern, the
 * account's own email or name). The length rule is the schema's (PASSWORD_MIN_LENGTH).
 */
export function passwordWeakness(password: string, personal: (string | null | undefined)[] = []): PasswordWeakness | null {
  const checked = password.slice(0, CHECKED_LENGTH);
  const result = zxcvbn().check(checked, personalWords(personal));
  if (result.sequence.length > 0 && result.sequence.every(isCommonPassword)) return "passwordCommon";
  return result.score < MIN_PASSWORD_SCORE ? "passwordWeak" : null;
}
