"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPublicCampaign } from "@/lib/campaigns/queries";
import { publicTargets } from "@/lib/letters/queries";
import { countShareAnswer } from "@/lib/letters/service";
import { requestLog } from "@/lib/log";
import { here } from "@/lib/navigation";
import { clientAddressFrom } from "@/lib/net/client-address";
import { paths, type ThanksResult } from "@/lib/paths";
import { hashClientAddress } from "@/lib/petition/client";
import { consume, limiter } from "@/lib/petition/limits";
import { isReferralCode } from "@/lib/sharing/referral";

// The thank-you page's question: will the signer share the petition? "Yes" shows the share options;
// "no" leads to the letters to the campaign's targets (or, with none, to a plain thank-you). The answer
// is counted per campaign for the reach report, never per signer; a network answering more than
// ANSWER_COUNT_RATE times an hour is not counted further (it still gets its page). A one-button form
// like the confirmation's: there is nothing to validate that the answer could show (decision 028).

const ANSWER_COUNT_RATE = { points: 30, seconds: 3600 } as const;
const RESULTS: ThanksResult[] = ["check-email", "confirmed"];

export async function answerShareQuestionAction(formData: FormData): Promise<void> {
  const field = (name: string) => {
    const value = formData instanceof FormData ? formData.get(name) : null;
    return typeof value === "string" ? value : "";
  };
  const campaign = await getPublicCampaign(field("slug"));
  if (!campaign) redirect(await here(paths.home()));
  const result = RESULTS.find((one) => one === field("result")) ?? "check-email";
  const referral = isReferralCode(field("ref")) ? field("ref") : null;
  const answer = field("answer") === "write" ? "WRITE" : field("answer") === "share" ? "SHARE" : null;
  if (answer) {
    try {
      const network = hashClientAddress(clientAddressFrom(await headers()));
      if ((await consume(limiter("share-answer", ANSWER_COUNT_RATE), `${campaign.id}:${network}`)) <= ANSWER_COUNT_RATE.points) await countShareAnswer(campaign.id, answer);
    } catch (error) {
      // A count for staff: the signer's next page comes all the same.
      (await requestLog()).warn("sharing: an answer was not counted", { error, campaignId: campaign.id });
    }
  }
  if (answer === "WRITE" && (await publicTargets(campaign.id)).length > 0) redirect(await here(paths.write(campaign.slug)));
  redirect(await here(paths.thanks(campaign.slug, result, referral, answer === "WRITE" ? "declined" : "share")));
}
