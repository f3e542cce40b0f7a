// The staff roles, without the form schema (lib/accounts/schema.ts): client components import this
// module, so that zod stays out of the browser.
export const ROLES = ["ADMIN", "MODERATOR"] as const;
