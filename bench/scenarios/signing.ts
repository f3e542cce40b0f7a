// Signing under a rush: the real signing path (the form's server action, posted as a browser without
// JavaScript posts it) with a new signer on every request, against the cheapest route of the same
// server. Successes are counted by the answer (303 to the thanks page) and checked against the rows.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { startApp } from "../lib/app-server";
import type { Context } from "../lib/context";
import { campaignPath } from "../lib/site-paths";
import { load } from "../lib/load";
import { classify, fetchSignForm, headerOf, signer, signRequest, type SignResult } from "../lib/signers";

const CONNECTIONS = 50;
const SCENARIO = "signing";

export async function signing(ctx: Context): Promise<void> {
  const { app, environment, options } = ctx;
  const form = await fetchSignForm(app.url, campaignPath(ctx.prefix, environment.slug));

  // Warm up both routes (first calls load modules and open pools), outside the measurement.
  await load({ url: `${app.url}/api/ping`, connections: 10, seconds: 2 });
  const warm = signingRequest(ctx, form, "warm");
  await load({ url: app.url, connections: 10, seconds: 2, request: warm.request });

  ctx.log(`trivial route handler /api/ping, ${CONNECTIONS} connections, ${options.seconds} s`);
  const ping = await load({ url: `${app.url}/api/ping`, connections: CONNECTIONS, seconds: options.seconds });

  ctx.log(`signing (server action, unique signers), ${CONNECTIONS} connections, ${options.seconds} s`);
  const run = signingRequest(ctx, form, "load");
  const signed = await load({ url: app.url, connections: CONNECTIONS, seconds: options.seconds, request: run.request });

  const successes = run.outcomes.get("signed") ?? 0;
  const successRate = successes / signed.seconds;
  ctx.figure({ scenario: SCENARIO, measure: "/api/ping requests/s", value: ping.rps, unit: "req/s" });
  ctx.figure({
    scenario: SCENARIO,
    measure: "signatures/s (303 to /thanks)",
    value: successRate,
    unit: "req/s",
    baseline: { label: "/api/ping", value: ping.rps },
    goal: { text: "≥ 0.5× baseline", met: successRate > 0 && successRate >= 0.5 * ping.rps },
  });
  ctx.figure({ scenario: SCENARIO, measure: "signing p99 latency", value: signed.p99, unit: "ms", baseline: { label: "/api/ping p99", value: ping.p99 } });

  // What the database holds for the signers of the measured run.
  const { rows } = await ctx.db.query<{ status: string; reason: string | null; n: number }>(
    `SELECT status::text, "statusReason" AS reason, count(*)::int AS n FROM "Signature" WHERE email LIKE $1 GROUP BY 1, 2 ORDER BY 3 DESC`,
    [`signer-${run.tag}-%`],
  );
  const written = rows.reduce((sum, row) => sum + row.n, 0);
  const states = rows.map((row) => `${row.status}${row.reason ? ` (${row.reason})` : ""} ${row.n}`).join(", ");
  const others = [...run.outcomes].filter(([kind]) => kind !== "signed").map(([kind, n]) => `${kind} ${n}`).join(", ");
  // Requests still in flight when the load generator stopped may have been written without an answer.
  const unanswered = signed.sent - signed.total;
  const consistent = written >= successes && written <= successes + unanswered;
  ctx.note(
    SCENARIO,
    `${signed.total} answers, ${successes} signatures taken (303 to /thanks)${others ? `, other answers: ${others}` : ""}; ` +
      `rows written ${written} (${consistent ? `consistent: ${written - successes} of the ${unanswered} requests unanswered at the stop were written` : `INCONSISTENT with ${successes} successes and ${unanswered} unanswered`}); ` +
      `states: ${states || "none"}; load-generator errors/timeouts ${signed.errors}.`,
  );

  await signingWithSlowSmtp(ctx);
}

/**
 * Signing while the mail server takes 5 s per message, against signing while it answers at once: each
 * on a fresh app server on the same database (warmed alike, one after the other), sending its queue to
 * a real SMTP server (smtp-server) that holds every message 0 or 5 s before accepting it. The mail is
 * queued in the signing transaction and sent by the worker, so the rate must not change. (Compared with
 * the main app instead, a second app measured 0.72-0.76x whatever its mail server did: a fresh process
 * after a long run is not like for like.)
 */
export async function signingWithSlowSmtp(ctx: Context): Promise<void> {
  // The first run's mails are still being written by the main app's worker: let it finish, so that its
  // work does not fall into these runs' measurements.
  const drained = Date.now();
  for (let deadline = Date.now() + 120_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 500))) {
    const { rows } = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "MailOutbox" WHERE status = 'QUEUED'`);
    if (rows[0]!.n === 0) break;
  }
  ctx.log(`the main app's worker sent the first run's mail queue in ${((Date.now() - drained) / 1000).toFixed(1)} s after the run`);

  const rates: number[] = [];
  for (const holdMs of [0, 5_000]) {
    let held = 0;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => {
          held += 1;
          setTimeout(() => callback(), holdMs);
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    const phase = holdMs ? "slow" : "fast";
    const app = await startApp(ctx.environment, `${phase}-smtp`, { SMTP_URL: `smtp://127.0.0.1:${port}`, SCHEDULED_JOBS: "off" });
    try {
      const form = await fetchSignForm(app.url, campaignPath(ctx.prefix, ctx.environment.slug));
      const phaseCtx = { ...ctx, app };
      await load({ url: `${app.url}/api/ping`, connections: CONNECTIONS, seconds: 5 });
      await load({ url: app.url, connections: CONNECTIONS, seconds: 5, request: signingRequest(phaseCtx, form, `${phase}warm`).request });
      ctx.log(`signing with an SMTP server taking ${holdMs / 1000} s per message (a fresh app), ${CONNECTIONS} connections, ${ctx.options.seconds} s`);
      const run = signingRequest(phaseCtx, form, phase);
      const signed = await load({ url: app.url, connections: CONNECTIONS, seconds: ctx.options.seconds, request: run.request });
      rates.push((run.outcomes.get("signed") ?? 0) / signed.seconds);
      ctx.note(SCENARIO, `SMTP taking ${holdMs / 1000} s per message: ${held} messages accepted during the run and warm-up (the rest wait in the queue); signing p99 ${signed.p99} ms.`);
    } finally {
      await app.stop();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  }
  ctx.figure({ scenario: SCENARIO, measure: "signatures/s, SMTP answering at once (a fresh app)", value: rates[0]!, unit: "req/s" });
  ctx.figure({
    scenario: SCENARIO,
    measure: "signatures/s with SMTP taking 5 s per message (a fresh app)",
    value: rates[1]!,
    unit: "req/s",
    baseline: { label: "SMTP answering at once, same run", value: rates[0]! },
    goal: { text: "≥ 0.9× baseline (unchanged)", met: rates[0]! > 0 && rates[1]! >= 0.9 * rates[0]! },
  });
}

/** An autocannon request that signs as a new signer each time and tallies what each answer meant. */
function signingRequest(ctx: Context, form: Awaited<ReturnType<typeof fetchSignForm>>, phase: string) {
  const tag = `${phase}${Date.now().toString(36)}`;
  const outcomes = new Map<SignResult, number>();
  let next = 0;
  const origin = ctx.app.url;
  return {
    tag,
    outcomes,
    request: {
      method: "POST" as const,
      setupRequest: (request: object) => {
        // Networks are numbered from a per-phase base so that phases never share an address.
        const n = next++;
        const who = signer(tag, n);
        const built = signRequest(form, { ...who, network: networkOf(phase, n) }, origin);
        return { ...request, method: "POST" as const, path: built.path, headers: built.headers, body: built.body };
      },
      onResponse: (status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
        const kind = classify(status, headerOf(headers, "location"));
        outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
      },
    },
  };
}

const PHASE_BASE: Record<string, number> = { warm: 1 << 22, load: 2 << 22, fastwarm: 3 << 22, fast: 4 << 22, slowwarm: 5 << 22, slow: 6 << 22 };

function networkOf(phase: string, n: number): string {
  const value = (PHASE_BASE[phase] ?? 7 << 22) + n;
  return `10.${(value >> 16) & 255}.${(value >> 8) & 255}.${value & 255}`;
}
