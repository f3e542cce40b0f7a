// At --scale signatures: reading the count (against the same read at an empty campaign: a ratio
// near 1 means constant time), and the admin list's pages and search (against the same page at the
// empty campaign, i.e. the page's fixed cost).
import type { Context } from "../lib/context";
import { get, sequentialLatency, type Latency } from "../lib/load";
import type { Figure } from "../lib/report";
import { campaignPath } from "../lib/site-paths";
import { bigCampaigns } from "./big-campaign";

const SCENARIO = "scale";
const PAGE_SIZE = 50; // lib/moderation/queries.ts PAGE_SIZE
const SAMPLES = { count: 200, admin: 100 };

export async function scale(ctx: Context): Promise<void> {
  const { big, empty, rows } = await bigCampaigns(ctx);
  const url = ctx.app.url;
  const at = `at ${rows.toLocaleString("en-GB")}`;

  // Reading the count: the public JSON API, the query behind it, and the campaign page that shows it.
  const apiBig = await timeGet(`${url}/api/campaigns/${big.slug}`, SAMPLES.count);
  const apiEmpty = await timeGet(`${url}/api/campaigns/${empty.slug}`, SAMPLES.count);
  add(ctx, `count via /api/campaigns/[slug] p95 ${at}`, apiBig, apiEmpty, "empty campaign", { text: "≈ 1× (constant)", met: apiBig.p95 <= 2 * apiEmpty.p95 });
  const sumSql = `SELECT sum(confirmed) FROM "SignatureCount" WHERE "campaignId" = $1`;
  const sqlBig = await sequentialLatency(async () => void (await ctx.db.query(sumSql, [big.id])), { n: SAMPLES.count });
  const sqlEmpty = await sequentialLatency(async () => void (await ctx.db.query(sumSql, [empty.id])), { n: SAMPLES.count });
  add(ctx, `count query (sum of count rows) p95 ${at}`, sqlBig, sqlEmpty, "empty campaign", { text: "≈ 1× (constant)", met: sqlBig.p95 <= 2 * Math.max(sqlEmpty.p95, 1) });
  const pageBig = await timeGet(`${url}${campaignPath(ctx.prefix, big.slug)}`, SAMPLES.admin);
  const pageEmpty = await timeGet(`${url}${campaignPath(ctx.prefix, empty.slug)}`, SAMPLES.admin);
  add(ctx, `campaign page p95 ${at}`, pageBig, pageEmpty, "empty campaign");
  const { rows: shown } = await ctx.db.query<{ shards: number; truth: number }>(
    `SELECT (SELECT coalesce(sum(confirmed), 0)::int FROM "SignatureCount" WHERE "campaignId" = $1) AS shards,
            (SELECT count(*)::int FROM "Signature" WHERE "campaignId" = $1 AND status = 'CONFIRMED') AS truth`,
    [big.id],
  );
  // Signatures over time, by day and by hour (one row per hour, 30 days of them at the big campaign).
  for (const interval of ["day", "hour"]) {
    const seriesBig = await timeGet(`${url}/api/campaigns/${big.slug}/series?interval=${interval}`, SAMPLES.count);
    const seriesEmpty = await timeGet(`${url}/api/campaigns/${empty.slug}/series?interval=${interval}`, SAMPLES.count);
    add(ctx, `time series by ${interval} via /api/campaigns/[slug]/series p95 ${at}`, seriesBig, seriesEmpty, "empty campaign", { text: "< 50 ms (rows per hour, not per signature)", met: seriesBig.p95 < 50 });
  }
  // A campaign update's recipients, a batch at a time by signature id (lib/updates/service.ts
  // queueUpdateBatch): the same query at the start, the middle and the end of a million signatures
  // (a quarter consented, as bulk-loaded) against the empty campaign. Constant per batch means the
  // sending is streamed: no step reads the recipients whole.
  const batchSql = `SELECT id, email, locale FROM "Signature" WHERE "campaignId" = $1 AND status = 'CONFIRMED' AND "mayContact" AND "anonymisedAt" IS NULL AND id > $2 ORDER BY id LIMIT 500`;
  const { rows: bounds } = await ctx.db.query<{ first: number; last: number }>(`SELECT min(id)::int AS first, max(id)::int AS last FROM "Signature" WHERE "campaignId" = $1`, [big.id]);
  const emptyBatch = await sequentialLatency(async () => void (await ctx.db.query(batchSql, [empty.id, 0])), { n: SAMPLES.admin });
  for (const [where, cursor] of [
    ["start", 0],
    ["middle", Math.floor((bounds[0]!.first + bounds[0]!.last) / 2)],
    ["end", bounds[0]!.last - 2_000],
  ] as const) {
    const batch = await sequentialLatency(async () => void (await ctx.db.query(batchSql, [big.id, cursor])), { n: SAMPLES.admin });
    add(ctx, `update recipients, a batch of 500 from the ${where} p95 ${at}`, batch, emptyBatch, "empty campaign", { text: "p95 < 50 ms, streamed by id", met: batch.p95 < 50 });
  }
  const api = JSON.parse(await get(`${url}/api/campaigns/${big.slug}`)) as { confirmed: number };
  ctx.note(SCENARIO, `count check: API shows ${api.confirmed}, count rows sum ${shown[0]!.shards}, confirmed rows ${shown[0]!.truth}.`);

  // The admin list, newest first, paged by keyset (?after=<id>): the middle and last pages are the
  // ones reached by following "older" from the first page.
  const cookie = await ctx.staffCookie();
  const list = (query: string, expectRows?: number) => timeGet(`${url}${ctx.prefix}/admin/signatures${query ? `?${query}` : ""}`, SAMPLES.admin, cookie, expectRows);
  const baseline = await list(`campaign=${empty.id}`, 0);
  const total = (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Signature"`)).rows[0]!.n;
  const idAt = async (offset: number, campaignId?: number) =>
    (
      await ctx.db.query<{ id: number }>(
        `SELECT id FROM "Signature" ${campaignId ? `WHERE "campaignId" = ${Number(campaignId)}` : ""} ORDER BY id DESC OFFSET $1 LIMIT 1`,
        [offset],
      )
    ).rows[0]!.id;
  const middleStart = Math.floor(total / 2 / PAGE_SIZE) * PAGE_SIZE;
  const lastStart = Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE;
  const bigLastStart = Math.floor((rows - 1) / PAGE_SIZE) * PAGE_SIZE;
  const goal50 = (latency: Latency) => ({ text: "p95 < 50 ms", met: latency.p95 < 50 });
  const goal100 = (latency: Latency) => ({ text: "p95 < 100 ms", met: latency.p95 < 100 });
  const pages: [string, string, number, (latency: Latency) => Figure["goal"], string][] = [
    ["admin list, first page", "", PAGE_SIZE, goal50, "first"],
    ["admin list, middle page", `after=${await idAt(middleStart - 1)}`, PAGE_SIZE, goal50, "middle"],
    ["admin list, last page", `after=${await idAt(lastStart - 1)}`, total - lastStart, goal50, "last"],
    ["admin list, one campaign, first page", `campaign=${big.id}`, PAGE_SIZE, goal50, "campaign first"],
    ["admin list, one campaign, last page", `campaign=${big.id}&after=${await idAt(bigLastStart - 1, big.id)}`, rows - bigLastStart, goal50, "campaign last"],
    ["admin list, confirmed only, middle page", `status=CONFIRMED&after=${await idAt(middleStart - 1)}`, PAGE_SIZE, goal50, "confirmed middle"],
    ["admin search, common surname (q=Okafor)", "q=Okafor", PAGE_SIZE, goal100, "q=Okafor"],
    ["admin search, one email", `q=${encodeURIComponent(`bulk-${Math.ceil(rows * 0.77)}@`)}`, 1, goal100, "q=one email"],
    ["admin search, no match", "q=zzqxw", 0, goal100, "q=no match"],
  ];
  const sqlTimes: string[] = [];
  for (const [measure, query, expectRows, goal, short] of pages) {
    ctx.log(measure);
    const latency = await list(query, expectRows);
    add(ctx, `${measure} p95 ${at}`, latency, baseline, "same page, empty campaign", goal(latency));
    sqlTimes.push(`${short} ${(await listSqlLatency(ctx, new URLSearchParams(query))).p95.toFixed(1)}`);
  }
  // How much of each page is the database: the same SQL alone, without rendering or sign-in checks.
  ctx.note(SCENARIO, `the admin list's SQL alone, p95 ms ${at}: ${sqlTimes.join(", ")}.`);
  const integrity = await sequentialLatency(
    // As lib/privacy/integrity.ts asks since 2026-11-29: every state but CONFIRMED (whose number comes
    // from the kept count); the GROUP BY over all states took 337–406 ms here.
    async () =>
      void (await ctx.db.query(
        `SELECT status, "statusReason", count(*) FROM "Signature" WHERE "campaignId" = $1 AND status IN ('PENDING', 'QUARANTINED', 'REJECTED', 'SPAM', 'WITHDRAWN') GROUP BY 1, 2`,
        [big.id],
      )),
    { n: 10, warmup: 1 },
  );
  ctx.note(SCENARIO, `the public integrity report's GROUP BY (states other than confirmed) ${at} (lib/privacy/integrity.ts, recomputed by a page view every 30 s): p50 ${integrity.p50.toFixed(0)} ms.`);
}

/**
 * The query lib/moderation/queries.ts listSignatures runs for these URL parameters (the filter
 * conditions of lib/moderation/filter.ts that the pages above use), timed on its own.
 */
function listSqlLatency(ctx: Context, params: URLSearchParams): Promise<Latency> {
  const conditions = ["TRUE"];
  const values: unknown[] = [];
  const bind = (value: unknown) => `$${values.push(value)}`;
  if (params.get("campaign")) conditions.push(`s."campaignId" = ${bind(Number(params.get("campaign")))}`);
  if (params.get("status")) conditions.push(`s."status" = ${bind(params.get("status"))}::"SignatureStatus"`);
  const q = params.get("q");
  if (q) {
    const pattern = bind(`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    conditions.push(`(s."fullName" ILIKE ${pattern} OR s."email" ILIKE ${pattern} OR s."comment" ILIKE ${pattern})`);
  }
  if (params.get("after")) conditions.push(`s.id < ${bind(Number(params.get("after")))}`);
  const sql = `SELECT s.id, c.slug AS "campaignSlug", s."fullName", s.email, s.country, s.status::text AS status, s.comment, s."commentHidden", s."createdAt"
    FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE ${conditions.join(" AND ")} ORDER BY s.id DESC LIMIT ${PAGE_SIZE + 1}`;
  return sequentialLatency(async () => void (await ctx.db.query(sql, values)), { n: 50 });
}

function add(ctx: Context, measure: string, latency: Latency, baseline: Latency, label: string, goal?: Figure["goal"]): void {
  ctx.figure({ scenario: SCENARIO, measure, value: latency.p95, unit: "ms", baseline: { label, value: baseline.p95 }, goal });
}

/** Sequential GETs; checks the status and, for admin lists, the number of rows on the page. */
function timeGet(url: string, n: number, cookie?: string, expectRows?: number): Promise<Latency> {
  return sequentialLatency(
    async () => {
      const body = await get(url, { headers: cookie ? { cookie } : undefined });
      if (expectRows !== undefined) {
        const found = (body.match(/name="ids"/g) ?? []).length;
        if (found !== expectRows) throw new Error(`${url} shows ${found} rows, expected ${expectRows}`);
      }
    },
    { n, maxMs: 60_000 },
  );
}
