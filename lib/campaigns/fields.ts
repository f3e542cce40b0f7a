// The campaign form's fields and limits, without the schema (lib/campaigns/schema.ts, which checks
// that its fields are these): the admin's client components import this module, so that zod stays
// out of the browser (its shared chunk was loaded by every public page too).
export const CAMPAIGN_STATUSES = ["DRAFT", "OPEN", "CLOSED"] as const;
export type CampaignStatusValue = (typeof CAMPAIGN_STATUSES)[number];
export const STATEMENT_MAX = 50_000;

export const CAMPAIGN_FIELDS = ["title", "slug", "summary", "organisation", "statementDate", "statement", "sourceName", "sourceUrl", "goal", "deadline", "status"] as const;
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number];
/** The raw form values, echoed back so that nothing typed is lost when the form has errors. */
export type CampaignFormValues = Partial<Record<CampaignField, string>>;

// The translation form's (lib/campaigns/translations-schema.ts). Limits follow the columns, which are
// the original's (Campaign.title, summary, statement).
export const TRANSLATION_TEXT_FIELDS = ["title", "summary", "statement"] as const;
export type TranslationTextField = (typeof TRANSLATION_TEXT_FIELDS)[number];
export type TranslationField = "locale" | TranslationTextField;
export const TRANSLATION_FIELDS: TranslationField[] = ["locale", ...TRANSLATION_TEXT_FIELDS];
export const TRANSLATION_LIMITS: Record<TranslationTextField, number> = { title: 200, summary: 500, statement: STATEMENT_MAX };
/** The raw form values, echoed back so that nothing typed is lost when the form has errors. */
export type TranslationFormValues = Partial<Record<TranslationField, string>>;
