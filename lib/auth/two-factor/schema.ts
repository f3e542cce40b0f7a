import { z } from "zod";

// The two-factor forms, shared by form and server. Messages are keys of AdminTwoFactor.errors.

/** The 6 digits of an authenticator app, typed with or without spaces. */
export const twoFactorCodeSchema = z.object({
  code: z
    .string({ error: "codeFormat" })
    .max(20, "codeFormat")
    .transform((value) => value.replace(/[\s-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "codeFormat")),
});

/** An admin resetting another account's two-factor sign-in. */
export const resetTwoFactorSchema = z.object({ id: z.coerce.number({ error: "notFound" }).int("notFound").positive("notFound") });
