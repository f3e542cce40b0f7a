// The campaign with --scale signatures (and an empty one beside it), loaded once and shared by the
// scale and export scenarios.
import { createCampaign, loadSignatures, type BulkCampaign } from "../lib/bulk-load";
import type { Context } from "../lib/context";

export type BigCampaigns = { big: BulkCampaign; empty: BulkCampaign; rows: number };

export function bigCampaigns(ctx: Context): Promise<BigCampaigns> {
  let prepared = ctx.shared.get("big") as Promise<BigCampaigns> | undefined;
  if (!prepared) {
    prepared = (async () => {
      const rows = ctx.options.scale;
      const empty = await createCampaign(ctx.db, "bench-empty", "Benchmark: a campaign without signatures");
      const big = await createCampaign(ctx.db, "bench-scale", `Benchmark: a campaign with ${rows.toLocaleString("en-GB")} signatures`);
      ctx.log(`loading ${rows.toLocaleString("en-GB")} signatures into /c/${big.slug}…`);
      const took = await loadSignatures(ctx.db, big.id, rows);
      ctx.note("scale", `loaded ${rows.toLocaleString("en-GB")} signatures: insert ${took.insert.toFixed(1)} s, rebuilding indexes ${took.indexes.toFixed(1)} s, count rows ${took.counts.toFixed(1)} s.`);
      return { big, empty, rows };
    })();
    ctx.shared.set("big", prepared);
  }
  return prepared;
}
