import { z } from "zod";
import { optionalText, requiredText, subjectAndBody } from "@/lib/forms/fields";
import { LETTER_LIMITS } from "@/lib/letters/letter";

// The schemas of the letter a signer sends (Letters.errors.*) and of the staff's targets and suggested
// letters (AdminTargets.errors.*). Error messages are message keys, translated where they are shown.
// Limits follow the columns (Target, CampaignLetter) and LETTER_LIMITS.

export const TARGET_LIMITS = { name: 200, role: 300, email: 320, contactSource: 1000 } as const;
export const TARGET_FIELDS = ["name", "role", "email", "contactSource", "position"] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];
export const CAMPAIGN_LETTER_FIELDS = ["locale", "subject", "body"] as const;
export type CampaignLetterField = (typeof CAMPAIGN_LETTER_FIELDS)[number];

/** What the signer sends: the letter as they edited it. */
export const letterSchema = z.object({ subject: requiredText(LETTER_LIMITS.subject), body: requiredText(LETTER_LIMITS.body) });
export type LetterInput = z.output<typeof letterSchema>;

export const targetSchema = z
  .object({
    name: requiredText(TARGET_LIMITS.name),
    role: requiredText(TARGET_LIMITS.role),
    email: optionalText(TARGET_LIMITS.email).pipe(z.email({ error: "emailInvalid" }).nullable()),
    contactSource: optionalText(TARGET_LIMITS.contactSource),
    position: z.coerce.number({ error: "positionInvalid" }).int({ error: "positionInvalid" }).min(0, { error: "positionInvalid" }).max(1000, { error: "positionInvalid" }),
  })
  // An address without its source could be anyone's guess: letters would go to it all the same.
  .refine((target) => !target.email || target.contactSource, { error: "sourceRequired", path: ["contactSource"] });
export type TargetInput = z.output<typeof targetSchema>;

/** Deleting asks for a ticked "Yes, delete" box, so that it needs no JavaScript confirm dialog. */
export const deleteTargetSchema = z.object({ confirm: z.literal("yes", { error: "confirmRequired" }) });

export const campaignLetterSchema = subjectAndBody(LETTER_LIMITS);
export type CampaignLetterInput = z.output<typeof campaignLetterSchema>;

/** Turning on the site's sending asks for a ticked box; turning it off is the button alone. */
export const lettersBySiteOnSchema = z.object({ confirm: z.literal("yes", { error: "confirmRequired" }) });
export const lettersBySiteOffSchema = z.object({});
