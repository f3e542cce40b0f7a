// Every action the audit log records. A new one must be added here, and the type check then asks for
// its label in every catalog (AdminAudit.actions.<action>, components/admin/audit/audit-action.tsx).
export const AUDIT_ACTIONS = [
  "account.create",
  "account.enable",
  "account.disable",
  "account.role",
  "account.password-change",
  "account.sign-in-throttled",
  "account.two-factor.enable",
  "account.two-factor.disable",
  "account.two-factor.reset",
  "campaign.create",
  "campaign.update",
  "campaign.anonymise",
  "campaign.translation.save",
  "campaign.translation.delete",
  "campaign.letter.save",
  "campaign.letters.by-site",
  "campaign.news.test",
  "campaign.news.send",
  "campaign.target.create",
  "campaign.target.update",
  "campaign.target.delete",
  "export.csv",
  "signature.confirm",
  "signature.reject",
  "signature.spam",
  "signature.restore",
  "signature.hide-comment",
  "signature.show-comment",
  "signature.delete",
  "votes.import",
] as const;

export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

/** Whether a recorded action is one the app knows (the log may hold older ones, shown as recorded). */
export function isAuditAction(action: string): action is AuditActionName {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
