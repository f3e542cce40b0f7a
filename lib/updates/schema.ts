import { z } from "zod";
import { subjectAndBody } from "@/lib/forms/fields";

// The update forms' schemas; error messages are keys of AdminUpdates.errors.

export const UPDATE_LIMITS = { subject: 200, body: 20_000 } as const;
export const UPDATE_TEXT_FIELDS = ["locale", "subject", "body"] as const;
export type UpdateTextField = (typeof UPDATE_TEXT_FIELDS)[number];

export const updateTextSchema = subjectAndBody(UPDATE_LIMITS);
export type UpdateTextInput = z.output<typeof updateTextSchema>;

/** Sending to every consenting signer asks for a ticked box, so that it needs no JavaScript dialog. */
export const sendUpdateSchema = z.object({ confirm: z.literal("yes", { error: "confirmRequired" }) });
/** A test has nothing to fill in. */
export const testUpdateSchema = z.object({});
