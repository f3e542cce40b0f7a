// The signing form's field names and limits, shared by the form (a client component) and the
// server's schema (lib/petition/schema.ts). Kept apart from the schema so that the browser's bundle
// does not carry zod: the server validates every submission anyway.

export const COMMENT_MAX = 500;
export const NAME_MAX = 200;

/** The hidden field people leave empty (an innocuous name that form-filling robots fill in). */
export const HONEYPOT_FIELD = "website";
/** The proof-of-work widget's value (components/petition/proof-of-work.tsx). */
export const POW_FIELD = "altcha";

