// Expected failures of campaign translations. `code` is a message key (AdminTranslations.errors.*);
// `field`, when set, is the form field the message belongs beside.
export type TranslationErrorCode = "sameAsOriginal" | "localeInvalid" | "campaignNotFound" | "notFound";

export class TranslationError extends Error {
  constructor(
    readonly code: TranslationErrorCode,
    readonly field?: "locale",
  ) {
    super(code);
    this.name = "TranslationError";
  }
}
