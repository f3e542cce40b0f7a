// The backup file (docs/decisions/016): gzip-compressed text, written and read as a stream.
//
//   ADVOCATE-BACKUP 1
//   {"format":1,"createdAt":…,"serverVersion":…,"migrations":[…],"tables":[{"name","columns"}],"sequences":[…]}
//   TABLE "Campaign"
//   <the table's rows in PostgreSQL's COPY text format, one per line>
//   \.
//   ROWS 1 SHA256 <hex of the rows' bytes>
//   TABLE …
//   END 9
//
// COPY's text format escapes newlines, tabs and backslashes inside values, so a row is always one
// line and no row can read "\."; the format is exact for every PostgreSQL type.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

export const MAGIC = "ADVOCATE-BACKUP";
export const FORMAT_VERSION = 1;
export const END_OF_ROWS = "\\.";

export type BackupHeader = {
  format: number;
  createdAt: string;
  serverVersion: string;
  /** Migrations applied to the database the backup was made from, in order. */
  migrations: string[];
  tables: { name: string; columns: string[] }[];
  sequences: { name: string; lastValue: string | null }[];
};

export class BackupError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "BackupError";
  }
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const corrupt = (file: string, what: string) =>
  new BackupError(`${file} is not a usable backup: ${what}.`, "Use another backup file; this one is damaged, truncated or not made by `npm run db:backup`.");

/** Reads a backup line by line: the header first, then each table's rows, checked as they stream. */
export class BackupReader {
  private readonly lines: AsyncIterator<string>;
  private readonly release: () => void;
  header!: BackupHeader;

  constructor(readonly file: string) {
    const raw = createReadStream(file);
    const input = raw.pipe(createGunzip());
    const reader = createInterface({ input, crlfDelay: Infinity });
    this.lines = reader[Symbol.asyncIterator]();
    this.release = () => {
      reader.close();
      input.destroy();
      raw.destroy();
    };
  }

  /** Stops reading (also after an error). */
  dispose(): void {
    this.release();
  }

  private async next(): Promise<string> {
    try {
      const { value, done } = await this.lines.next();
      if (done) throw corrupt(this.file, "it ends too early");
      return value;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw corrupt(this.file, (error as Error).message);
    }
  }

  async open(): Promise<BackupHeader> {
    const magic = await this.next();
    if (!magic.startsWith(`${MAGIC} `)) throw corrupt(this.file, "it does not start like an Advocate backup");
    const version = Number(magic.slice(MAGIC.length + 1));
    if (version !== FORMAT_VERSION) {
      throw new BackupError(`${this.file} is in backup format ${version}; this version of Advocate reads format ${FORMAT_VERSION}.`, "Restore it with the version of Advocate that made it.");
    }
    try {
      this.header = JSON.parse(await this.next()) as BackupHeader;
    } catch (error) {
      if (error instanceof BackupError) throw error;
      throw corrupt(this.file, "its header is not valid JSON");
    }
    return this.header;
  }

  /**
   * The rows of the next table, each a line of COPY text ending in a newline. Throws (ending the
   * iteration) when the section is not that table, or its row count or checksum does not match.
   */
  async *rows(name: string): AsyncGenerator<string> {
    const title = await this.next();
    if (title !== `TABLE ${quoteIdent(name)}`) throw corrupt(this.file, `expected table ${name}, found "${title.slice(0, 80)}"`);
    const hash = createHash("sha256");
    let rows = 0;
    for (let line = await this.next(); line !== END_OF_ROWS; line = await this.next()) {
      const row = `${line}\n`;
      hash.update(row);
      rows += 1;
      yield row;
    }
    const trailer = /^ROWS (\d+) SHA256 ([0-9a-f]{64})$/.exec(await this.next());
    if (!trailer) throw corrupt(this.file, `the end of table ${name} is missing`);
    if (Number(trailer[1]) !== rows) throw corrupt(this.file, `table ${name} should have ${trailer[1]} rows, it has ${rows}`);
    if (trailer[2] !== hash.digest("hex")) throw corrupt(this.file, `the checksum of table ${name} does not match`);
  }

  async close(): Promise<void> {
    const end = await this.next();
    if (end !== `END ${this.header.tables.length}`) throw corrupt(this.file, "its end marker is missing");
  }
}
