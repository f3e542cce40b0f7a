import "server-only";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify as stringifyRows } from "csv-stringify/sync";
import { Client } from "pg";
import QueryStream from "pg-query-stream";
import { recordAudit } from "@/lib/audit/service";
import { log } from "@/lib/log";
import type { StaffUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { csvCell, type CsvValue } from "@/lib/export/csv";
import { Prisma } from "@/lib/generated/prisma/client";
import { signatureWhereSql, type SignatureFilter } from "@/lib/moderation/filter";

// The CSV export of signatures, streamed with constant memory whatever the number of rows: a dedicated
// `pg` connection reads through a server-side cursor (pg-query-stream), rows become CSV as they come,
// and stream back-pressure pauses the cursor while the reader is slow. Prisma would load every row.
//
// Audit: the entry is written BEFORE the first byte, with the count from a COUNT(*) over the same
// WHERE in the same REPEATABLE READ snapshot as the cursor, so the count is exactly what a completed
// file holds, and an aborted download still leaves its entry (personal data may already have left).
// Recording the streamed count at the end instead would miss aborted downloads or need an update of
// an audit row, which should stay append-only.

/** The header row, in the order of the SELECT below. Stable machine names, not translated. */
export const SIGNATURE_CSV_COLUMNS = [
  "id",
  "campaign",
  "full_name",
  "email",
  "country",
  "comment",
  "show_name",
  "may_contact",
  "status",
  "status_reason",
  "locale",
  "utm_source",
  "created_at",
  "confirmed_at",
] as const;

/** Names the connection in pg_stat_activity, so operators (and tests) see who is exporting. */
export const exportApplicationName = (actorId: number) => `advocate-export:${actorId}`;

const BATCH_SIZE = 1_000;
// Backstop against a connection left open by a bug; long enough for a reader that pauses a while.
const IDLE_IN_TRANSACTION_MS = 15 * 60_000;
// Timestamps are `timestamp(3)` holding UTC; formatted in SQL so that node-postgres does not read them
// in the server's local time zone.
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

function selectSql(filter: SignatureFilter): Prisma.Sql {
  return Prisma.sql`
    SELECT s.id, c.slug, s."fullName", s.email, s.country, s.comment, s."showName", s."mayContact",
           s.status::text, s."statusReason", s.locale, s."utmSource",
           to_char(s."createdAt", ${ISO}), to_char(s."confirmedAt", ${ISO})
    FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId"
    WHERE ${signatureWhereSql(filter)}
    ORDER BY s.id`;
}

function countSql(filter: SignatureFilter): Prisma.Sql {
  // The campaign id is checked in the same snapshot: the audit row references it only if it exists.
  return Prisma.sql`
    SELECT (SELECT count(*) FROM "Signature" s WHERE ${signatureWhereSql(filter)})::int AS count,
           (SELECT c.id FROM "Campaign" c WHERE c.id = ${filter.campaign ?? 0}) AS "campaignId"`;
}

// Dates as ISO strings: node-postgres would send a Date in local time, which a `timestamp` column reads
// without its offset.
const params = (sql: Prisma.Sql) => sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));

export type SignatureExport = {
  /** Rows the file holds when written to the end. */
  count: number;
  /** Writes the CSV to `output` (and ends it); resolves with the rows written. Closes the connection in every case. */
  writeTo(output: Writable, signal?: AbortSignal): Promise<number>;
  /** Closes the connection when the file will not be written. */
  close(): Promise<void>;
};

/**
 * Opens an export: connects, takes the snapshot, counts, and writes the audit entry. Fails before any
 * byte is sent if the database is unreachable, so a route can still answer with an error status.
 */
export async function openSignatureExport(actor: Pick<StaffUser, "id" | "email">, filter: SignatureFilter): Promise<SignatureExport> {
  const client = new Client({
    connectionString: serverEnv().DATABASE_URL,
    application_name: exportApplicationName(actor.id),
    idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
  });
  // Without a listener, a connection dropped by the server would crash the process.
  client.on("error", (error) => log.error("export: connection error", { error }));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await client.end().catch(() => undefined);
  };

  let count: number;
  try {
    await client.connect();
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const counted = countSql(filter);
    const { rows } = await client.query<{ count: number; campaignId: number | null }>(counted.text, params(counted));
    count = rows[0]!.count;
    const campaignId = rows[0]!.campaignId;
    await db().$transaction((tx) =>
      recordAudit(tx, { actor, action: "export.csv", campaignId, filter: { ...filter }, count, details: { format: "csv", columns: [...SIGNATURE_CSV_COLUMNS] } }),
    );
  } catch (error) {
    await close();
    throw error;
  }

  let used = false;
  async function writeTo(output: Writable, signal?: AbortSignal): Promise<number> {
    if (used || closed) throw new Error("This export has already been written or closed.");
    used = true;
    let written = 0;
    try {
      const select = selectSql(filter);
      const rows = client.query(new QueryStream(select.text, params(select), { batchSize: BATCH_SIZE, rowMode: "array" }));
      const counted = (batch: string[][]) => {
        written += batch.length;
        return batch;
      };
      await pipeline(Readable.from(csvChunks(rows, counted)), output, ...(signal ? [{ signal }] : []));
      await client.query("COMMIT");
      return written;
    } finally {
      await close();
    }
  }

  return { count, writeTo, close };
}

// The CSV is made a batch of rows at a time, each batch one string (~100 KB for 1,000 rows): the
// response gets few large writes instead of one small write per row, and there is no per-row stream
// step (bench: one chunk per row through object-mode transforms managed ~5,000 rows/s, 64 KB chunks
// ~59,000). Memory stays bounded: the generator is pulled only as fast as the reader reads, and the
// cursor (pg-query-stream) fetches BATCH_SIZE rows at a time.
const CSV_OPTIONS = { record_delimiter: "windows", quoted_match: /[\r\n]/ } as const;

async function* csvChunks(rows: AsyncIterable<unknown>, counted: (batch: string[][]) => string[][]): AsyncGenerator<string> {
  // The BOM makes spreadsheet apps read UTF-8 (non-Latin names); CRLF as RFC 4180 says; a lone CR or
  // LF inside a comment is quoted too, not only the CRLF pair.
  yield stringifyRows([], { ...CSV_OPTIONS, bom: true, header: true, columns: [...SIGNATURE_CSV_COLUMNS] });
  let batch: string[][] = [];
  for await (const row of rows) {
    batch.push((row as CsvValue[]).map(csvCell));
    if (batch.length === BATCH_SIZE) {
      yield stringifyRows(counted(batch), CSV_OPTIONS);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringifyRows(counted(batch), CSV_OPTIONS);
}

/** Opens an audited export and writes it to `output`; resolves with the row count. For scripts and benchmarks. */
export async function exportSignaturesCsv(options: {
  actor: Pick<StaffUser, "id" | "email">;
  filter: SignatureFilter;
  output: Writable;
  signal?: AbortSignal;
}): Promise<number> {
  const opened = await openSignatureExport(options.actor, options.filter);
  return opened.writeTo(options.output, options.signal);
}
