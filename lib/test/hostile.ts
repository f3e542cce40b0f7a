import fc from "fast-check";

// Generators of hostile text for the property tests (*.property.test.ts): what a bot, a fuzzer or a
// careless paste sends. Each piece is kept small so that fast-check can shrink a failure to the one
// character or payload that caused it.

/** C0 controls, DEL and NEL (U+0085, a line break in Unicode but not in JavaScript's \s). */
export const CONTROL_CHARS = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), "\u007f", "\u0085"];

/** Bidi embeddings, overrides and isolates, and the marks (the "Trojan source" characters). */
export const BIDI_CHARS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];

/** Text people really type: Urdu, Arabic, CJK, emoji sequences, combining marks, decomposed letters. */
export const SCRIPT_SAMPLES = [
  "امینہ خان",
  "محمد علی",
  "李小龍",
  "김민지",
  "Ελένη",
  "Łukasz Żółć",
  "José",
  "Jose\u0301", // decomposed: NFC turns it into "José"
  "Z\u0351\u0352a\u0358l\u0316g\u0331o", // stacked combining marks
  "👩🏽‍⚖️",
  "🏳️‍🌈",
  "\u0928\u093f", // Devanagari with a vowel sign
  "\ufeffBOM",
  "\u200bzero\u200dwidth",
];

/** Markup, script, URL and SQL payloads that must stay inert text everywhere they are shown. */
export const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror="window.__pwned=1">',
  "<img/src=x/onerror=alert(1)>",
  "javascript:alert(1)",
  "JaVaScRiPt:window.__pwned=1",
  "<svg onload=alert(1)>",
  "</textarea><script>alert(1)</script>",
  "'; DROP TABLE \"Signature\"; --",
  "' OR '1'='1",
  "\\'; SELECT pg_sleep(10); --",
  "%' OR 1=1 --",
  "_%\\",
  "${7*7}{{7*7}}",
  "=HYPERLINK(\"http://evil.example\")",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1)",
  "../../../../etc/passwd",
  "%2e%2e%2f%00",
  "{name} {count, plural, one {#} other {#}}", // ICU message syntax (next-intl)
  "&lt;b&gt;&amp;",
];

const ASCII_WORDS = ["Amina", "Khan", "de", "la", "O'Brien", "Anne-Marie", "x", "Zoë"];

/** One character or short run from any of the hostile families, or ordinary text. */
export const hostilePiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ASCII_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u3000", "\u2028") },
  { weight: 2, arbitrary: fc.constantFrom(...CONTROL_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(...BIDI_CHARS) },
  { weight: 2, arbitrary: fc.constantFrom(...SCRIPT_SAMPLES) },
  { weight: 2, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }, // any code point
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
);

/** A short hostile text (a name-sized one). */
export const hostileText = (maxPieces = 8): fc.Arbitrary<string> => fc.array(hostilePiece, { minLength: 0, maxLength: maxPieces }).map((pieces) => pieces.join(""));

/** A very long text: one hostile piece repeated past 10,000 characters (cheap to generate and to shrink). */
export const longText: fc.Arbitrary<string> = fc
  .tuple(hostilePiece.filter((piece) => piece.length > 0), fc.integer({ min: 10_000, max: 60_000 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length));

/** Any of the above, long texts included. */
export const anyHostileText: fc.Arbitrary<string> = fc.oneof({ weight: 6, arbitrary: hostileText() }, { weight: 1, arbitrary: longText });

/**
 * Text that is hostile but that a person could legitimately type as a name: it contains a letter,
 * and stays within `max` characters after normalisation. Built around a real word so it is "valid".
 */
export const hostileButValidText = (max: number): fc.Arbitrary<string> =>
  fc
    .tuple(hostileText(5), fc.constantFrom(...ASCII_WORDS.filter((w) => /\p{L}/u.test(w)), ...SCRIPT_SAMPLES.filter((s) => /\p{L}/u.test(s))), hostileText(5))
    .map(([before, word, after]) => `${before}${word}${after}`)
    .filter((text) => text.normalize("NFC").replace(/\s+/g, " ").trim().length <= max);

/** What a form field might hold instead of a string: numbers, arrays' string forms, files. */
export const wrongTypedValue: fc.Arbitrary<string | Blob> = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }).map(String), // FormData stringifies arrays
  fc.constantFrom("null", "undefined", "true", "[object Object]", "NaN", "-0", "1e309"),
  fc.string({ maxLength: 20 }).map((text) => new Blob([text], { type: "text/plain" })),
  fc.string({ maxLength: 20 }).map((text) => new File([text], "name.txt", { type: "text/plain" })),
);

/** Slugs, path segments and query values: traversal, encodings, unicode, very long. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  anyHostileText,
  fc.constantFrom("..", "../..", "..%2f..%2fetc%2fpasswd", "%2e%2e", "%00", "%ff%fe", "%", "%%", "%E0%A4%A", "a/b", "a\\b", ".", "", " ", "\u0000", "CON", "nul", "index.html"),
  fc.webSegment(),
  fc.string({ unit: "binary-ascii", maxLength: 40 }).map((text) => encodeURIComponent(text)),
);

/** How Next hands a route its dynamic segment: percent-decoded when that is possible, as sent when not. */
export function decodedSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
