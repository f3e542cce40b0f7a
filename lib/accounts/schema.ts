import { z } from "zod";
import { ROLES } from "@/lib/accounts/roles";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/constants";
import { passwordWeakness } from "@/lib/auth/password-strength";

export { ROLES };

// Shared by the server actions and the command line (admin:create, the first start). Client
// components import only its types: its password check carries zxcvbn's dictionaries
// (lib/auth/password-strength.ts), which must stay out of the browser (eslint.config.mjs).

/** A new password's own rules: long enough, not absurdly long. Its strength needs the account (below). */
const newPassword = z.string({ error: "passwordTooShort" }).min(PASSWORD_MIN_LENGTH, { error: "passwordTooShort" }).max(1000, { error: "passwordTooLong" });

export const newAccountSchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ error: "emailInvalid" }).max(320)),
    name: z.string().trim().max(200).optional().transform((value) => value || null),
    role: z.enum(ROLES, { error: "roleInvalid" }),
    password: newPassword,
  })
  .superRefine(({ email, name, password }, ctx) => {
    const weakness = passwordWeakness(password, [email, name]);
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
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

/**
 * A staff member changing their own password (lib/accounts/password-actions.ts). The new password is
 * checked against the account's email and name too. Messages are keys of AdminPassword.errors.
 */
export function passwordChangeSchema(account: { email: string; name: string | null }) {
  return z
    .object({
      currentPassword: z.string({ error: "currentRequired" }).min(1, { error: "currentRequired" }).max(1000, { error: "currentWrong" }),
      newPassword: newPassword,
      confirmPassword: z.string({ error: "mismatch" }).max(1000, { error: "mismatch" }),
    })
    .superRefine(({ currentPassword, newPassword, confirmPassword }, ctx) => {
      if (newPassword === currentPassword) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: "passwordUnchanged" });
        return;
      }
      const weakness = passwordWeakness(newPassword, [account.email, account.name]);
      if (weakness) ctx.addIssue({ code: "custom", path: ["newPassword"], message: weakness });
      if (confirmPassword !== newPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "mismatch" });
    });
}

export type PasswordChange = z.output<ReturnType<typeof passwordChangeSchema>>;
export type PasswordChangeField = keyof PasswordChange;
