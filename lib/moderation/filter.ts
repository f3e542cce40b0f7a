import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { SIGNATURE_STATUSES } from "@/lib/petition/states";

// The signature filter shared by the admin list, bulk moderation, the preview count and the CSV
// export: one parser (from URL search params or form data) and one SQL WHERE clause.

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
/** The largest value of PostgreSQL's integer (ids): beyond it the database refuses the query. */
export const INT4_MAX = 2_147_483_647;
// Years PostgreSQL and JavaScript both write the same way (year 0 and 10000 are not), with room for
// the export's "end of the `to` day".
const reasonableYear = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= 1 && year <= 9998;
};
const date = z.iso.date().refine(reasonableYear);
const dateTime = z.iso.datetime().refine(reasonableYear);

export const signatureFilterSchema = z.object({
  campaign: z.preprocess(emptyToUndefined, z.coerce.number().int().positive().max(INT4_MAX).optional()),
  status: z.preprocess(emptyToUndefined, z.enum(SIGNATURE_STATUSES).optional()),
  country: z.preprocess(emptyToUndefined, z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/).optional()),
  /** Inclusive dates (UTC), as typed in a date field. */
  from: z.preprocess(emptyToUndefined, date.optional()),
  to: z.preprocess(emptyToUndefined, date.optional()),
  // PostgreSQL text cannot hold NUL: such a search could match nothing anyway.
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).refine((value) => !value.includes("\u0000")).optional()),
  /** A window to the minute (UTC ISO date-times), as the integrity tools link one hour. */
  since: z.preprocess(emptyToUndefined, dateTime.optional()),
  until: z.preprocess(emptyToUndefined, dateTime.optional()),
  /** The keyed hash of a client address (integrity tools). */
  client: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().regex(/^[0-9a-f]{16,128}$/).optional()),
  /** The domain of the signers' email addresses. */
  domain: z.preprocess(emptyToUndefined, z.string().trim().toLowerCase().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/).max(253).optional()),
});

export type SignatureFilter = z.output<typeof signatureFilterSchema>;

/** Reads a filter from search params or form data; invalid parts are dropped, never guessed. */
export function parseSignatureFilter(source: URLSearchParams | FormData | Record<string, string | string[] | undefined>): SignatureFilter {
  const entries: Record<string, unknown> = {};
  const get = (key: string) => (source instanceof URLSearchParams || source instanceof FormData ? source.get(key) : source[key]);
  for (const key of Object.keys(signatureFilterSchema.shape)) {
    const value = get(key);
    entries[key] = Array.isArray(value) ? value[0] : value;
  }
  const parsed = signatureFilterSchema.safeParse(entries);
  if (parsed.success) return parsed.data;
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entries)) {
    const one = signatureFilterSchema.shape[key as keyof SignatureFilter].safeParse(value);
    if (one.success && one.data !== undefined) valid[key] = one.data;
  }
  return valid as SignatureFilter;
}

/** A keyset cursor from the URL (`after`/`before`): a row id, or nothing. */
export function parseCursor(value: string | string[] | undefined): number | undefined {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return undefined;
  const id = Number(value);
  return id >= 1 && id <= INT4_MAX ? id : undefined;
}

/** The filter as URL query string (for links, pagination and export). */
export function filterQuery(filter: SignatureFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.set(key, String(value));
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** WHERE conditions on table alias `s` ("Signature"). Search matches name, email or comment, case-insensitively. */
export function signatureWhereSql(filter: SignatureFilter): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.campaign) conditions.push(Prisma.sql`s."campaignId" = ${filter.campaign}`);
  if (filter.status) conditions.push(Prisma.sql`s."status" = ${filter.status}::"SignatureStatus"`);
  if (filter.country) conditions.push(Prisma.sql`s."country" = ${filter.country}`);
  if (filter.from) conditions.push(Prisma.sql`s."createdAt" >= ${new Date(`${filter.from}T00:00:00Z`)}`);
  if (filter.to) conditions.push(Prisma.sql`s."createdAt" < ${new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000)}`);
  if (filter.since) conditions.push(Prisma.sql`s."createdAt" >= ${new Date(filter.since)}`);
  if (filter.until) conditions.push(Prisma.sql`s."createdAt" < ${new Date(filter.until)}`);
  if (filter.client) conditions.push(Prisma.sql`s."clientHash" = ${filter.client}`);
  if (filter.domain) conditions.push(Prisma.sql`split_part(s."emailCanonical", '@', 2) = ${filter.domain}`);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(Prisma.sql`(s."fullName" ILIKE ${pattern} OR s."email" ILIKE ${pattern} OR s."comment" ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}
