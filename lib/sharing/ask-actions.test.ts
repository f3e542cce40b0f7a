import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { afterSigningPaths } from "@/lib/letters/queries";
import { targetSchema } from "@/lib/letters/schema";
import { saveTarget } from "@/lib/letters/service";
import { markFrontServer } from "@/lib/net/client-address";
import { answerShareQuestionAction } from "@/lib/sharing/ask-actions";
import { createCampaign, createStaff, uniqueAddress } from "@/lib/test/factories";
import { redirectOf } from "@/lib/test/redirect";

// The thank-you page's question as a browser's post reaches it, against the real PostgreSQL. Outside
// Next the action needs the request's language and headers (a network of its own per test).
vi.mock("next-intl/server", () => ({ getLocale: async () => "ur" }));
const request = vi.hoisted(() => ({ address: "10.0.0.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-advocate-client-address": request.address }) }));
markFrontServer();

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const answer = (fields: Record<string, string>) => redirectOf(answerShareQuestionAction(form(fields)));

describe("the thank-you page's question", () => {
  it("'yes' shows the share options, keeping the result and the signer's own link", async () => {
    request.address = uniqueAddress();
    const campaign = await createCampaign();
    expect(await answer({ slug: campaign.slug, result: "confirmed", ref: "abcdefgh23", answer: "share" })).toBe(`/ur/c/${campaign.slug}/thanks?result=confirmed&ref=abcdefgh23&step=share`);
    // Anything else in ref or result is dropped, not carried into the next address.
    expect(await answer({ slug: campaign.slug, result: "withdrawn", ref: "<script>", answer: "share" })).toBe(`/ur/c/${campaign.slug}/thanks?result=check-email&step=share`);
    expect(await afterSigningPaths(campaign.id)).toEqual({ SHARE: 2, WRITE: 0, letters: 0 });
  });

  it("'no' leads to the letters when the campaign has targets, to a plain thank-you otherwise", async () => {
    request.address = uniqueAddress();
    const campaign = await createCampaign();
    expect(await answer({ slug: campaign.slug, result: "check-email", answer: "write" })).toBe(`/ur/c/${campaign.slug}/thanks?result=check-email&step=declined`);
    await saveTarget(await createStaff("ADMIN"), campaign.id, null, targetSchema.parse({ name: "Ministry", role: "Decides.", position: "0" }));
    expect(await answer({ slug: campaign.slug, result: "check-email", answer: "write" })).toBe(`/ur/c/${campaign.slug}/write`);
    expect(await afterSigningPaths(campaign.id)).toEqual({ SHARE: 0, WRITE: 2, letters: 0 });
  });

  it("counts nothing for a draft or unknown campaign, or an answer it does not know", async () => {
    request.address = uniqueAddress();
    const draft = await createCampaign({ status: "DRAFT" });
    expect(await answer({ slug: draft.slug, answer: "share" })).toBe("/ur");
    expect(await answer({ slug: "no-such-campaign", answer: "share" })).toBe("/ur");
    const open = await createCampaign();
    expect(await answer({ slug: open.slug, answer: "maybe" })).toBe(`/ur/c/${open.slug}/thanks?result=check-email&step=share`);
    expect(await db().shareAnswerCount.count({ where: { campaignId: { in: [draft.id, open.id] } } })).toBe(0);
  });

  it("stops counting one network's answers past the hourly limit, and still answers it", async () => {
    request.address = uniqueAddress();
    const campaign = await createCampaign();
    for (let i = 0; i < 33; i++) expect(await answer({ slug: campaign.slug, answer: "share" })).toContain("step=share");
    expect((await afterSigningPaths(campaign.id)).SHARE).toBe(30);
  });
});
