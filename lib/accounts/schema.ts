import { z } from "zod";
import { ROLES } from "@/lib/accounts/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";

export { ROLES };

export const newAccountSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(320)),
  name: z.string().trim().max(200).optional().transform((value) => value || null),
  role: z.enum(ROLES, { error: "roleInvalid" }),
  password: z.string().min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" }).max(1000),
});

export type NewAccount = z.output<typeof newAccountSchema>;

export type NewAccountField = keyof NewAccount;

// The forms of the accounts page (lib/accounts/actions.ts). Error messages are message keys
// (AdminAccounts.errors.*), translated where they are shown.
const accountId = z.coerce.number({ error: "notFound" }).int({ error: "notFound" }).positive({ error: "notFound" });

export const accountEnabledSchema = z.object({
  id: accountId,
  enabled: z.enum(["true", "false"], { error: "invalid" }).transform((value) => value === "true"),
});

export const accountRoleSchema = z.object({
  id: accountId,
  role: z.enum(ROLES, { error: "roleInvalid" }),
});
