// The moderation actions, importable by client components (no server code here).
export const MODERATION_ACTION_NAMES = ["confirm", "reject", "spam", "restore", "hide-comment", "show-comment", "delete"] as const;
export type ModerationActionName = (typeof MODERATION_ACTION_NAMES)[number];
