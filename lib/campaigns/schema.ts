import { z } from "zod";
import { CAMPAIGN_FIELDS, CAMPAIGN_STATUSES, STATEMENT_MAX, type CampaignField, type CampaignFormValues } from "@/lib/campaigns/fields";

// One schema for the campaign form and the server. Error messages are message keys
// (AdminCampaigns.errors.*), translated where they are shown. Limits follow the columns.

export { CAMPAIGN_FIELDS, CAMPAIGN_STATUSES, STATEMENT_MAX, type CampaignField, type CampaignFormValues };
export type { CampaignStatusValue } from "@/lib/campaigns/fields";
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The largest value of the Int column. */
const GOAL_MAX = 2_147_483_647;

const required = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).max(max, { error: "tooLong" }));

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD", and a real date at that precision. */
export function isPartialIsoDate(value: string): boolean {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return false;
  const [, year, month = "01", day = "01"] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
}

/** A datetime-local value ("YYYY-MM-DDTHH:mm", seconds optional), read as UTC. */
export function parseUtcDateTime(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid = date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? date : null;
}

/** The value a datetime-local input shows for a stored instant, in UTC. */
export function utcDateTimeValue(date: Date): string {
  return date.toISOString().slice(0, 16);
}

export const campaignSchema = z.object({
  title: required(200),
  slug: z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).max(80, { error: "tooLong", abort: true }).regex(SLUG_PATTERN, { error: "slugInvalid" })),
  summary: required(500),
  organisation: required(200),
  statementDate: z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).refine(isPartialIsoDate, { error: "statementDateInvalid" })),
  statement: required(STATEMENT_MAX),
  sourceName: required(300),
  // An empty optional field is stored as null, not as an empty string.
  sourceUrl: z
    .string()
    .nullish()
    .transform((value) => value?.trim() || null)
    .pipe(z.union([z.null(), z.url({ protocol: /^https?$/, error: "urlInvalid" }).max(2000, { error: "tooLong" })])),
  goal: z
    .string({ error: "required" })
    .trim()
    .pipe(z.string().min(1, { error: "required", abort: true }).regex(/^\d+$/, { error: "goalInvalid", abort: true }))
    .transform(Number)
    .pipe(z.number().int().min(1, { error: "goalInvalid" }).max(GOAL_MAX, { error: "goalInvalid" })),
  deadline: z
    .string()
    .nullish()
    .transform((value) => value?.trim() || null)
    .transform((value, ctx) => {
      if (value === null) return null;
      const date = parseUtcDateTime(value);
      if (!date) ctx.addIssue({ code: "custom", message: "deadlineInvalid" });
      return date;
    }),
  status: z.enum(CAMPAIGN_STATUSES, { error: "statusInvalid" }),
});

export type CampaignInput = z.output<typeof campaignSchema>;
// The schema's fields are the form's (lib/campaigns/fields.ts): a field added to one and not the
// other fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldsMatch: Same<keyof CampaignInput, CampaignField> = true;
void fieldsMatch;

/** The form's starting values for a stored campaign. */
export function storedCampaignValues(campaign: {
  [K in Exclude<CampaignField, "goal" | "deadline" | "sourceUrl">]: string;
} & { goal: number; deadline: Date | null; sourceUrl: string | null }): CampaignFormValues {
  const values: CampaignFormValues = {};
  for (const field of CAMPAIGN_FIELDS) {
    const value = campaign[field];
    values[field] = value instanceof Date ? utcDateTimeValue(value) : value === null ? "" : String(value);
  }
  return values;
}
