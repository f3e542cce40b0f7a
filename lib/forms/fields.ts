import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

// Field schemas that many forms share. Their error messages are message keys every form namespace
// with such a field has (errors.required, errors.tooLong, errors.localeInvalid). No server imports:
// the forms' schemas are read in the browser too.

/** Text that must be there: trimmed, at least one character, at most `max`. */
export const requiredText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).max(max, { error: "tooLong" }));

/** Text that may be left empty (then null), at most `max` once trimmed. */
export const optionalText = (max: number) =>
  z
    .string()
    .nullish()
    .transform((value) => value?.trim() || null)
    .pipe(z.string().max(max, { error: "tooLong" }).nullable());

/** One of the site's languages (lib/i18n/locales.ts). */
export const siteLocale = z
  .string({ error: "localeInvalid" })
  .trim()
  .pipe(z.enum(LOCALES, { error: "localeInvalid" }));

/** A subject and a body in one of the site's languages: a suggested letter, a campaign update. */
export const subjectAndBody = (limits: { subject: number; body: number }) => z.object({ locale: siteLocale, subject: requiredText(limits.subject), body: requiredText(limits.body) });
