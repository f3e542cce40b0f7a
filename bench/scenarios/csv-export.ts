// The CSV export of the --scale campaign through the admin route, as an admin's browser downloads it:
// rows per second against PostgreSQL's own COPY of the same rows (the floor no exporter beats), and
// the server process's peak memory during the export against its memory just before.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { to as copyTo } from "pg-copy-streams";
import type { Context } from "../lib/context";
import { watchPeak } from "../lib/memory";
import { bigCampaigns } from "./big-campaign";

const SCENARIO = "export";
/** The export is stopped after this long and its rate taken from the rows read so far. */
const LIMIT_MS = 10 * 60_000;

export async function csvExport(ctx: Context): Promise<void> {
  const { big, rows } = await bigCampaigns(ctx);
  const cookie = await ctx.staffCookie();
  const pid = ctx.app.serverPid();

  const exportPath = `${ctx.prefix}/admin/signatures/export?campaign=${big.id}`;
  ctx.log(`GET ${exportPath} (${rows.toLocaleString("en-GB")} rows)`);
  const { result, beforeMb, peakMb, method } = await watchPeak(pid, async () => {
    const started = performance.now();
    const response = await fetch(`${ctx.app.url}${exportPath}`, { headers: { cookie }, redirect: "manual" });
    if (response.status !== 200 || !response.body) throw new Error(`the export answered ${response.status}`);
    let lines = 0;
    let bytes = 0;
    let complete = true;
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      const chunk = read.value;
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
      if (performance.now() - started > LIMIT_MS) {
        complete = false;
        await reader.cancel();
        break;
      }
    }
    return { seconds: (performance.now() - started) / 1000, rows: lines - 1, bytes, complete };
  });

  // The baseline: PostgreSQL writing the same rows as CSV itself, read by this process.
  const client = await ctx.db.connect();
  let copied = { seconds: NaN, rows: 0 };
  try {
    const started = performance.now();
    let lines = 0;
    await pipeline(
      client.query(
        copyTo(`COPY (SELECT s.id, c.slug, s."fullName", s.email, s.country, s.comment, s."showName", s."mayContact", s.status, s."statusReason",
                s.locale, s."utmSource", s."createdAt", s."confirmedAt" FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId"
                WHERE s."campaignId" = ${Number(big.id)} ORDER BY s.id) TO STDOUT WITH (FORMAT csv)`),
      ),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines += 1;
          callback();
        },
      }),
    );
    copied = { seconds: (performance.now() - started) / 1000, rows: lines };
  } finally {
    client.release();
  }

  const rate = result.rows / result.seconds;
  ctx.figure({
    scenario: SCENARIO,
    measure: `CSV export rows/s (${result.rows.toLocaleString("en-GB")} rows)`,
    value: rate,
    unit: "rows/s",
    baseline: { label: "PostgreSQL COPY of the same rows", value: copied.rows / copied.seconds },
    goal: { text: "≥ 100,000 rows/s", met: rate >= 100_000 },
  });
  ctx.figure({
    scenario: SCENARIO,
    measure: "server peak RSS during export",
    value: peakMb,
    unit: "MB",
    baseline: { label: "RSS before", value: beforeMb },
    goal: { text: "< 300 MB", met: peakMb < 300 },
  });
  ctx.figure({ scenario: SCENARIO, measure: "server RSS growth during export", value: peakMb - beforeMb, unit: "MB" });
  ctx.note(
    SCENARIO,
    `${result.rows.toLocaleString("en-GB")} rows (expected ${rows.toLocaleString("en-GB")}${result.rows === rows ? "" : result.complete ? ": MISMATCH" : `: stopped after ${LIMIT_MS / 60_000} minutes`}), ` +
      `${(result.bytes / 2 ** 20).toFixed(0)} MB in ${result.seconds.toFixed(1)} s; COPY ${copied.rows.toLocaleString("en-GB")} rows in ${copied.seconds.toFixed(1)} s; memory: ${method}.`,
  );
}
