import { z } from "zod";
import { isCountryCode } from "@/lib/countries";
import { COMMENT_MAX, NAME_MAX } from "@/lib/petition/fields";
import { normaliseMultiline, normaliseText } from "@/lib/petition/normalise";

// The server's schema of a signature (the form only shares the limits, lib/petition/fields.ts). Error
// messages are message keys (Petition.errors.*), translated where they are shown.

export { COMMENT_MAX, HONEYPOT_FIELD, NAME_MAX, POW_FIELD } from "@/lib/petition/fields";

// An unticked checkbox is simply absent from the form data.
const checkbox = z
  .string()
  .optional()
  .nullable()
  .transform((value) => value === "on" || value === "true");

export const signatureSchema = z.object({
  fullName: z
    .string({ error: "nameRequired" })
    .transform(normaliseText)
    .pipe(z.string().min(1, { error: "nameRequired", abort: true }).max(NAME_MAX, { error: "nameTooLong" }).regex(/\p{L}/u, { error: "nameInvalid" })),
  email: z
    .string({ error: "emailRequired" })
    .transform((value) => value.normalize("NFC").trim().toLowerCase())
    .pipe(z.string().min(1, { error: "emailRequired", abort: true }).max(254, { error: "emailInvalid" }).pipe(z.email({ error: "emailInvalid" }))),
  country: z
    .string({ error: "countryRequired" })
    .transform((value) => value.trim().toUpperCase())
    .pipe(z.string().min(1, { error: "countryRequired", abort: true }).refine(isCountryCode, { error: "countryInvalid" })),
  comment: z
    .string()
    .optional()
    .nullable()
    .transform((value) => (value ? normaliseMultiline(value) : ""))
    .pipe(z.string().max(COMMENT_MAX, { error: "commentTooLong" }))
    .transform((value) => value || null),
  showName: checkbox,
  mayContact: checkbox,
});

export type SignatureInput = z.output<typeof signatureSchema>;
export type SignatureField = keyof SignatureInput;

/** The form's fields, in order (what a failed submission echoes back). */
export const SIGNATURE_FIELDS = Object.keys(signatureSchema.shape) as SignatureField[];
