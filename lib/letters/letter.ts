// A letter to a target, as the signer's own mail app receives it: a `mailto:` address (RFC 6068) with
// the subject and body the signer read and edited. No node: or server imports: the page and the route
// both use it.

/** Characters a letter may have: enough for a page of text, short enough for every mail app's link. */
export const LETTER_LIMITS = { subject: 200, body: 4000 } as const;

/** Letters counted per target per network per hour: many people behind one carrier's address write too. */
export const LETTER_COUNT_RATE = { points: 30, seconds: 3600 } as const;

/** Where a suggested letter names its target. */
export const TARGET_PLACEHOLDER = "[target]";

export type LetterText = { subject: string; body: string };

/** The suggested letter addressed to one target: "[target]" becomes its name wherever it appears. */
export function letterTo(letter: LetterText, targetName: string): LetterText {
  return { subject: letter.subject.replaceAll(TARGET_PLACEHOLDER, targetName), body: letter.body.replaceAll(TARGET_PLACEHOLDER, targetName) };
}

/**
 * The `mailto:` link that opens a new mail in the signer's app. Every part is percent-encoded (RFC 6068
 * section 2: spaces as %20, never "+", which mail apps show as a plus), line breaks as CRLF (%0D%0A, as
 * section 5 asks). Without an address the app opens the mail with "To" empty, for the signer to fill.
 */
export function mailtoLink(to: string | null, letter: LetterText): string {
  // The address keeps its "@"; anything else outside the unreserved set is encoded.
  const address = to ? encodeURIComponent(to).replace(/%40/g, "@") : "";
  const body = letter.body.replace(/\r\n|\r|\n/g, "\r\n");
  return `mailto:${address}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(body)}`;
}
