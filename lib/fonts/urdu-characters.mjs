// What Urdu text needs from the Nastaliq font: the Urdu alphabet with its hamza and heh forms, the
// vowel marks and signs Urdu writes, both sets of digits, Urdu punctuation, the joiners and direction
// marks, and the typographic punctuation the site's Urdu messages use. The web font is cut down to
// these (scripts/subset-fonts.mjs); a character outside them (Sindhi, Pashto or Arabic letters a
// campaign might quote) is drawn in the reader's system font. Plain JavaScript: the install script
// reads it too.

const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)).join("");

export const URDU_CHARACTERS = [
  // Letters: ء آ أ ؤ إ ئ ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ (0621–063A), ف ق ك ل م ن ه و ى ي (0641–064A)
  range(0x0621, 0x063a),
  range(0x0641, 0x064a),
  // Urdu's own: ٹ پ چ ڈ ڑ ژ ک گ ں ھ ہ ۂ ۃ ی ے ۓ, and ٰ superscript alef
  "\u0679\u067e\u0686\u0688\u0691\u0698\u06a9\u06af\u06ba\u06be\u06c1\u06c2\u06c3\u06cc\u06d2\u06d3\u0670",
  // Vowel marks and signs: tanwin, zabar, pesh, zer, shadda, sukun, hamza above and below, and the honorifics
  range(0x064b, 0x0655),
  "\u0610\u0611\u0612\u0613\u0614\u0656\u0658",
  // Digits: Urdu (extended Arabic-Indic) and Arabic-Indic, separators, percent sign
  range(0x06f0, 0x06f9),
  range(0x0660, 0x066d),
  // Punctuation: comma, semicolon, question mark, full stop, tatweel, date separator
  "\u060c\u061b\u061f\u06d4\u0640\u060d\u0609\u060a",
  // Joiners and direction marks
  "\u200c\u200d\u200e\u200f",
  // Typographic punctuation in the messages: quotes, dashes, ellipsis, arrows
  "\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2190\u2192",
  // Spaces
  " \u00a0",
].join("");
