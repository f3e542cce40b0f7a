import "server-only";
import { hashClientAddress } from "@/lib/petition/client";
import { isDisposableEmail } from "@/lib/petition/disposable";
import { countSigningAttempt, isRateExemptEmail } from "@/lib/petition/limits";
import { checkProofOfWork } from "@/lib/petition/pow";
import { screen, type Screening } from "@/lib/petition/screening";

// Gathers the facts about one signing attempt (rate limits, proof of work, hidden field, email
// domain) and lets screening.ts decide. Counting the attempt and spending the proof of work are
// side effects, so they happen here, once per attempt, whatever the outcome.

export type SubmissionContext = {
  /** The client's network address, as reported by the proxy ("unknown" when none is). */
  clientAddress: string;
  /** The proof-of-work widget's form value; absent without JavaScript. */
  powPayload?: string | null;
  /** The hidden field people leave empty. */
  honeypot?: string | null;
};

export async function assessSubmission(campaignId: number, email: string, context: SubmissionContext): Promise<{ screening: Screening; clientHash: string }> {
  const clientHash = hashClientAddress(context.clientAddress);
  const honeypot = Boolean(context.honeypot?.trim());
  const rate = await countSigningAttempt(campaignId, clientHash);
  // A flood is refused before anything else is looked at (or spent).
  if (rate.flood) return { screening: screen({ honeypot, disposable: false, exemptDomain: false, pow: "missing", rate }), clientHash };
  const [pow, disposable] = await Promise.all([checkProofOfWork(context.powPayload), isDisposableEmail(email)]);
  return { screening: screen({ honeypot, disposable, exemptDomain: isRateExemptEmail(email), pow, rate }), clientHash };
}
