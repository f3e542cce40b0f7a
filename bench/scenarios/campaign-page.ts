// The campaign page from the app alone (no cache in front) while people sign and confirm at the pace
// of the UK's record petition (about 2,000 signatures a minute), against the app's most trivial route
// (/api/ping) in the same server under the same stream, and the privacy page (cached as the campaign
// page is) for reference; then how far behind the database the count on the page and in the API is.
import type { Context } from "../lib/context";
import { startFlow, type FlowStats } from "../lib/flow";
import { load } from "../lib/load";
import { renderMode } from "../lib/render-mode";
import { campaignPath } from "../lib/site-paths";

const SCENARIO = "campaign page";
const CONNECTIONS = 50;
/** Signatures (and as many confirmations) a second in the background: ~2,000 a minute. */
const FLOW_PER_SECOND = 35;
const STALENESS_SAMPLES = 5;
const STALENESS_LIMIT_MS = 60_000;
// The baseline (issue 16): a route handler that does nothing. The privacy page, the simplest page
// (no database), is measured too: both it and the campaign page come from Next's render cache.
const PING = "/api/ping";
const STATIC_PAGE = "/privacy";

export async function campaignPage(ctx: Context): Promise<void> {
  const { app, environment, options } = ctx;
  const page = campaignPath(ctx.prefix, environment.slug);
  const staticPage = `${ctx.prefix}${STATIC_PAGE}`;
  const baseline = `${staticPage} (${renderMode(staticPage)})`;
  await load({ url: `${app.url}${PING}`, connections: 10, seconds: 2 });
  await load({ url: `${app.url}${staticPage}`, connections: 10, seconds: 2 });
  await load({ url: `${app.url}${page}`, connections: 10, seconds: 2 });

  ctx.log(`background: ${FLOW_PER_SECOND} signatures/s, each confirmed through the mailed link`);
  const flow = await startFlow({ baseUrl: app.url, prefix: ctx.prefix, slug: environment.slug, dataDir: environment.dataDir, perSecond: FLOW_PER_SECOND, tag: `flow${Date.now().toString(36)}`, firstNetwork: (3 << 22) + (1 << 20) });
  try {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    ctx.log(`${PING}, ${CONNECTIONS} connections, ${options.seconds} s`);
    const ping = await load({ url: `${app.url}${PING}`, connections: CONNECTIONS, seconds: options.seconds });
    ctx.log(`static page ${staticPage}, ${CONNECTIONS} connections, ${options.seconds} s`);
    const before = flow.stats();
    const simple = await load({ url: `${app.url}${staticPage}`, connections: CONNECTIONS, seconds: options.seconds });
    const during = flow.stats();
    ctx.log(`campaign page ${page}, ${CONNECTIONS} connections, ${options.seconds} s`);
    const campaign = await load({ url: `${app.url}${page}`, connections: CONNECTIONS, seconds: options.seconds });
    const after = flow.stats();

    ctx.figure({ scenario: SCENARIO, measure: `${baseline} requests/s`, value: simple.rps, unit: "req/s", baseline: { label: PING, value: ping.rps } });
    ctx.figure({
      scenario: SCENARIO,
      measure: "campaign page requests/s, app alone",
      value: campaign.rps,
      unit: "req/s",
      baseline: { label: PING, value: ping.rps },
      goal: { text: "≥ 0.5× baseline", met: campaign.rps > 0 && campaign.rps >= 0.5 * ping.rps },
    });
    ctx.figure({ scenario: SCENARIO, measure: "campaign page p99 latency", value: campaign.p99, unit: "ms", baseline: { label: `${staticPage} p99`, value: simple.p99 } });
    const bad = (statuses: Record<string, number>) => Object.entries(statuses).filter(([code]) => code !== "200").map(([code, n]) => `${code}×${n}`).join(" ");
    ctx.note(
      SCENARIO,
      `background flow while the static page was measured: ${rate(before, during)}; while the campaign page was: ${rate(during, after)}` +
        `${bad(campaign.statuses) ? `; campaign page non-200 answers: ${bad(campaign.statuses)}` : ""}${bad(simple.statuses) ? `; static page non-200: ${bad(simple.statuses)}` : ""}.`,
    );

    ctx.log(`staleness: ${STALENESS_SAMPLES} samples of how long until the page and the API show the database's count`);
    const pageLags: number[] = [];
    const apiLags: number[] = [];
    for (let i = 0; i < STALENESS_SAMPLES; i++) {
      const [pageLag, apiLag] = await staleness(ctx, page);
      pageLags.push(pageLag);
      apiLags.push(apiLag);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    const worst = (lags: number[]) => Math.max(...lags) / 1000;
    ctx.figure({ scenario: SCENARIO, measure: "count staleness on the page (worst of 5)", value: worst(pageLags), unit: "s", goal: { text: "≤ 10 s", met: worst(pageLags) <= 10 } });
    ctx.figure({ scenario: SCENARIO, measure: "count staleness in /api/campaigns/[slug] (worst of 5)", value: worst(apiLags), unit: "s", goal: { text: "≤ 10 s", met: worst(apiLags) <= 10 } });
    ctx.note(SCENARIO, `staleness samples (s): page ${pageLags.map((ms) => (ms / 1000).toFixed(1)).join(", ")}; API ${apiLags.map((ms) => (ms / 1000).toFixed(1)).join(", ")} (${STALENESS_LIMIT_MS / 1000} = never caught up within the limit).`);
  } finally {
    const total = await flow.stop();
    const failures = [...total.failures].map(([kind, n]) => `${kind} ×${n}`).join(", ");
    ctx.note(SCENARIO, `background flow in all: ${total.signed} signed, ${total.confirmed} confirmed in ${total.seconds.toFixed(0)} s${failures ? `; failures: ${failures}` : ""}.`);
  }
}

function rate(from: FlowStats, to: FlowStats): string {
  const seconds = to.seconds - from.seconds;
  return `${((to.signed - from.signed) / seconds).toFixed(1)} signed/s and ${((to.confirmed - from.confirmed) / seconds).toFixed(1)} confirmed/s`;
}

/**
 * Reads the confirmed count from the database (the truth, committed), then polls the page and the
 * API until each shows at least that; returns how long each took (ms), capped at the limit.
 */
async function staleness(ctx: Context, page: string): Promise<[number, number]> {
  const { rows } = await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Signature" s JOIN "Campaign" c ON c.id = s."campaignId" WHERE c.slug = $1 AND s.status = 'CONFIRMED'`,
    [ctx.environment.slug],
  );
  return countLags({ url: ctx.app.url, page, slug: ctx.environment.slug, truth: rows[0]!.n, limitMs: STALENESS_LIMIT_MS });
}

/**
 * Polls the page and the count API at `url` until each shows at least `truth`; how long each took
 * (ms) from now, capped at `limitMs`. Also used through the shared cache (shared-cache.ts).
 */
export function countLags({ url, page, slug, truth, limitMs }: { url: string; page: string; slug: string; truth: number; limitMs: number }): Promise<[number, number]> {
  const started = Date.now();
  const until = async (read: () => Promise<number>): Promise<number> => {
    while (Date.now() - started < limitMs) {
      if ((await read()) >= truth) return Date.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return limitMs;
  };
  return Promise.all([
    until(async () => shownCount(await (await fetch(`${url}${page}`)).text())),
    until(async () => ((await (await fetch(`${url}/api/campaigns/${slug}`)).json()) as { confirmed: number }).confirmed),
  ]);
}

/** The number in the page's count element (`data-testid="confirmed-count"`). */
export function shownCount(html: string): number {
  const inner = /data-testid="confirmed-count"[^>]*>([\s\S]*?)<\/strong>/.exec(html)?.[1];
  if (inner === undefined) throw new Error("the campaign page has no confirmed-count element");
  return Number(inner.replace(/<[^>]+>/g, "").replace(/[^\d]/g, "") || 0);
}
