// One Lighthouse 12 run through its CLI against Debian's Chromium (as root, Chromium needs
// --no-sandbox), stopped with the benchmark. Mobile form factor and simulated throttling unless asked
// otherwise: Lighthouse's defaults, the ones PageSpeed Insights reports first.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { onCleanup } from "./cleanup";

export const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type Category = (typeof CATEGORIES)[number];

type Audit = { id?: string; title?: string; score: number | null; scoreDisplayMode?: string; numericValue?: number };
type Report = {
  categories: Partial<Record<Category, { score: number | null; auditRefs: { id: string; weight: number }[] }>>;
  audits: Record<string, Audit>;
  environment?: { benchmarkIndex?: number };
  runtimeError?: { message: string };
};

export type LighthouseResult = {
  scores: Partial<Record<Category, number>>;
  /** FCP, LCP, TBT and CLS, for the notes. */
  metrics: string;
  /** Audits that cost points (weight > 0, score < 1), per category: what to fix. */
  failing: Partial<Record<Category, { id: string; score: number }[]>>;
  benchmarkIndex: number | null;
};

export function chromePath(): string {
  return process.env.CHROME_PATH ?? "/usr/bin/chromium";
}

/** `preset: "desktop"`: Lighthouse's desktop settings (wider screen, lighter throttling) instead of mobile. */
export async function lighthouse(url: string, options: { outputDir: string; name: string; categories?: readonly Category[]; preset?: "desktop" }): Promise<LighthouseResult> {
  const categories = options.categories ?? ["performance"];
  const output = path.join(options.outputDir, `lighthouse-${options.name}.json`);
  const bin = path.join(process.cwd(), "node_modules", ".bin", "lighthouse");
  const args = [url, `--only-categories=${categories.join(",")}`, "--output=json", `--output-path=${output}`, "--quiet", "--chrome-flags=--headless=new --no-sandbox --disable-gpu"];
  if (options.preset) args.push(`--preset=${options.preset}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: chromePath() }, stdio: ["ignore", "ignore", "pipe"], detached: true });
    let errors = "";
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    const stop = onCleanup("stopping Lighthouse", () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
    });
    child.on("exit", (code) => {
      void stop();
      if (code === 0) resolve();
      else reject(new Error(`lighthouse exited with ${code}: ${errors.slice(-1_000)}`));
    });
  });
  const report = JSON.parse(readFileSync(output, "utf8")) as Report;
  if (report.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${report.runtimeError.message}`);
  const ms = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const metrics = `FCP ${(ms("first-contentful-paint") / 1000).toFixed(1)} s, LCP ${(ms("largest-contentful-paint") / 1000).toFixed(1)} s, TBT ${ms("total-blocking-time").toFixed(0)} ms, CLS ${ms("cumulative-layout-shift").toFixed(3)}`;
  const scores: LighthouseResult["scores"] = {};
  const failing: LighthouseResult["failing"] = {};
  for (const category of categories) {
    const found = report.categories[category];
    if (!found) continue;
    scores[category] = Math.round((found.score ?? 0) * 100);
    failing[category] = found.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => ({ ref, audit: report.audits[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== "informative")
      .map(({ ref, audit }) => ({ id: ref.id, score: Math.round((audit!.score ?? 0) * 100) }));
  }
  return { scores, metrics, failing, benchmarkIndex: report.environment?.benchmarkIndex ?? null };
}
