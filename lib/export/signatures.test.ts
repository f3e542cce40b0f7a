import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportApplicationName, exportSignaturesCsv, openSignatureExport, SIGNATURE_CSV_COLUMNS } from "@/lib/export/signatures";
import { createCampaign, unique } from "@/lib/test/factories";

// Against the real PostgreSQL of the test setup. The file is parsed back as a spreadsheet app would
// (quoted fields, doubled quotes, CRLF records); memory use is measured by the benchmark, not here.

function collector() {
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { output, bytes: () => Buffer.concat(chunks) };
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== "," && !(ch === "\r" && text[i + 1] === "\n"))) {
      cell += ch;
    } else {
      row.push(cell);
      cell = "";
      if (ch === "\r") {
        rows.push(row);
        row = [];
        i++;
      }
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

async function createAdmin() {
  return db().adminUser.create({ data: { email: `${unique("admin")}@example.org`, passwordHash: "not-used", role: "ADMIN" }, select: { id: true, email: true } });
}

async function addSignature(campaignId: number, data: Partial<{ fullName: string; comment: string | null; status: "PENDING" | "CONFIRMED" | "REJECTED"; reasonCode: "MODERATOR"; statusReason: string; utmSource: string; confirmedAt: Date }> = {}) {
  const email = `${unique("signer")}@example.org`;
  return db().signature.create({
    data: { campaignId, fullName: "Amina Khan", email, emailCanonical: email, country: "PAK", createdAt: new Date("2026-03-01T10:20:30.456Z"), ...data },
  });
}

async function exportConnections(actorId: number): Promise<number> {
  // The server notices a closed connection a moment after the client: wait for it briefly.
  for (let attempt = 0; ; attempt++) {
    const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${exportApplicationName(actorId)}`;
    if (row!.n === 0 || attempt >= 40) return row!.n;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("signature CSV export", () => {
  it("writes a BOM, the header and every matching signature in id order, with formulas neutralised", async () => {
    const [campaign, actor] = await Promise.all([createCampaign(), createAdmin()]);
    const first = await addSignature(campaign.id, { fullName: "=HYPERLINK(\"http://evil.example\")", comment: "Line one,\nline \"two\"", status: "CONFIRMED", confirmedAt: new Date("2026-03-02T08:00:00Z"), utmSource: "+cmd" });
    const second = await addSignature(campaign.id, { fullName: "Ахмед Ибрахим", comment: "@SUM(A1)", status: "REJECTED", reasonCode: "MODERATOR", statusReason: "-2 duplicates" });
    const { output, bytes } = collector();

    const count = await exportSignaturesCsv({ actor, filter: { campaign: campaign.id }, output });

    expect(count).toBe(2);
    const file = bytes();
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(file.subarray(3).toString("utf8"));
    expect(rows[0]).toEqual([...SIGNATURE_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      [String(first.id), campaign.slug, "'=HYPERLINK(\"http://evil.example\")", first.email, "PAK", "Line one,\nline \"two\"", "false", "false", "CONFIRMED", "", "", "en", "'+cmd", "2026-03-01T10:20:30.456Z", "2026-03-02T08:00:00.000Z"],
      [String(second.id), campaign.slug, "Ахмед Ибрахим", second.email, "PAK", "'@SUM(A1)", "false", "false", "REJECTED", "MODERATOR", "'-2 duplicates", "en", "", "2026-03-01T10:20:30.456Z", ""],
    ]);

    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "export.csv", actorId: actor.id } });
    expect(entry).toMatchObject({ actorEmail: actor.email, campaignId: campaign.id, count: 2, filter: { campaign: campaign.id } });
  });

  it("applies the filter and counts what it exports", async () => {
    const [campaign, actor] = await Promise.all([createCampaign(), createAdmin()]);
    const confirmed = await addSignature(campaign.id, { status: "CONFIRMED" });
    await addSignature(campaign.id, { status: "PENDING" });
    await addSignature(campaign.id, { status: "REJECTED" });
    const { output, bytes } = collector();

    const count = await exportSignaturesCsv({ actor, filter: { campaign: campaign.id, status: "CONFIRMED" }, output });

    expect(count).toBe(1);
    const rows = parseCsv(bytes().subarray(3).toString("utf8"));
    expect(rows.slice(1).map((row) => row[0])).toEqual([String(confirmed.id)]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "export.csv", actorId: actor.id } });
    expect(entry).toMatchObject({ count: 1, filter: { campaign: campaign.id, status: "CONFIRMED" } });
  });

  it("matches a search with quotes, backslashes and SQL in it literally, with dates, as the list does", async () => {
    // COPY takes no parameters: the filter's values are written into the statement, escaped.
    const [campaign, actor] = await Promise.all([createCampaign(), createAdmin()]);
    const tricky = "O'Brien \\' ); DROP TABLE \"Signature\"; -- 100%_";
    const match = await addSignature(campaign.id, { fullName: `Kate ${tricky}`, comment: "a\rb\r\nc\nd" });
    await addSignature(campaign.id, { fullName: "Kate O Brien" });
    const { output, bytes } = collector();

    const count = await exportSignaturesCsv({ actor, filter: { campaign: campaign.id, q: tricky, from: "2026-03-01", to: "2026-03-01" }, output });

    expect(count).toBe(1);
    const rows = parseCsv(bytes().subarray(3).toString("utf8"));
    expect(rows.slice(1).map((row) => [row[0], row[2], row[5]])).toEqual([[String(match.id), `Kate ${tricky}`, "a\rb\r\nc\nd"]]);
    expect(await db().signature.count({ where: { campaignId: campaign.id } })).toBe(2);
    const none = collector();
    expect(await exportSignaturesCsv({ actor, filter: { campaign: campaign.id, q: tricky, from: "2026-03-02" }, output: none.output })).toBe(0);
  });

  it("writes only the header for a campaign that does not exist, and audits without a campaign link", async () => {
    const actor = await createAdmin();
    const { output, bytes } = collector();
    expect(await exportSignaturesCsv({ actor, filter: { campaign: 2_000_000_000 }, output })).toBe(0);
    expect(parseCsv(bytes().subarray(3).toString("utf8"))).toEqual([[...SIGNATURE_CSV_COLUMNS]]);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "export.csv", actorId: actor.id } });
    expect(entry).toMatchObject({ campaignId: null, count: 0, filter: { campaign: 2_000_000_000 } });
  });

  it("keeps the audit entry and closes the connection when the download is aborted", async () => {
    const [campaign, actor] = await Promise.all([createCampaign(), createAdmin()]);
    await db().signature.createMany({
      data: Array.from({ length: 3_000 }, (_, i) => ({ campaignId: campaign.id, fullName: `Signer ${i}`, email: `s${i}@example.org`, emailCanonical: `s${i}@example.org`, country: "PAK" })),
    });
    const abort = new AbortController();
    let received = 0;
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        abort.abort(); // the browser goes away after the first bytes
        callback();
      },
    });

    await expect(exportSignaturesCsv({ actor, filter: { campaign: campaign.id }, output, signal: abort.signal })).rejects.toThrow();

    expect(received).toBeGreaterThan(0);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "export.csv", actorId: actor.id } });
    expect(entry.count).toBe(3_000);
    expect(await exportConnections(actor.id)).toBe(0);
  });

  it("closes the connection when the output fails, and when an opened export is not written", async () => {
    const [campaign, actor] = await Promise.all([createCampaign(), createAdmin()]);
    await addSignature(campaign.id);
    const failing = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error("disk full")) });
    await expect(exportSignaturesCsv({ actor, filter: { campaign: campaign.id }, output: failing })).rejects.toThrow("disk full");
    expect(await exportConnections(actor.id)).toBe(0);

    const opened = await openSignatureExport(actor, { campaign: campaign.id });
    expect(opened.count).toBe(1);
    await opened.close();
    expect(await exportConnections(actor.id)).toBe(0);
    await expect(opened.writeTo(collector().output)).rejects.toThrow();
  });
});
