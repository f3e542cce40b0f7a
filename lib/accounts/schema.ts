import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password";

export const ROLES = ["ADMIN", "MODERATOR"] as const;

export const newAccountSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(320)),
  name: z.string().trim().max(200).optional().transform((value) => value || null),
  role: z.enum(ROLES, { error: "roleInvalid" }),
  password: z.string().min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" }).max(1000),
});

export type NewAccount = z.output<typeof newAccountSchema>;
