import { z } from "zod";
import { MODERATION_ACTION_NAMES } from "@/lib/moderation/names";

export const singleModerationSchema = z.object({
  id: z.coerce.number().int().positive(),
  action: z.enum(MODERATION_ACTION_NAMES, { error: "actionInvalid" }),
  reason: z.string().trim().max(500, { error: "reasonTooLong" }).optional().transform((value) => value || null),
});

export const bulkModerationSchema = z.object({
  scope: z.enum(["selected", "filter"]),
  ids: z.array(z.coerce.number().int().positive()).max(1000).default([]),
  action: z.enum(MODERATION_ACTION_NAMES, { error: "actionInvalid" }),
  reason: z.string().trim().max(500, { error: "reasonTooLong" }).optional().transform((value) => value || null),
  step: z.enum(["preview", "apply"]),
  expectedCount: z.coerce.number().int().nonnegative().optional(),
});
