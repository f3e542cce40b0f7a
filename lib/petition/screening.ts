// What happens to a signature, decided from the facts the defences gathered. Pure, so every path is
// tested on its own (screening.test.ts). A quarantined signature is stored but never counted until a
// moderator releases it; the signer is not told (the page and, where it is sent, the mail are the
// usual ones), so a bot learns nothing from the answer. See docs/decisions/010.

/** The proof of work sent with the form. */
export type PowCheck = "valid" | "missing" | "invalid" | "replayed";

export type ScreeningFacts = {
  /** The hidden field that only robots fill in was filled in. */
  honeypot: boolean;
  /** The email address is at a throwaway-address service. */
  disposable: boolean;
  pow: PowCheck;
  rate: { flood: boolean; overLimit: boolean; busy: boolean };
};

/** The reasons stored in Signature.statusReason; lib/privacy/integrity.ts names them in public. */
export type QuarantineReason = "honeypot" | "replayed proof of work" | "disposable email" | "rate limit";

export type Screening =
  | { status: "PENDING"; reason: null; sendMail: true }
  | { status: "QUARANTINED"; reason: QuarantineReason; sendMail: boolean }
  | { refuse: "flood" };

const quarantine = (reason: QuarantineReason, sendMail: boolean): Screening => ({ status: "QUARANTINED", reason, sendMail });

export function screen(facts: ScreeningFacts): Screening {
  // A flood is refused outright: writing thousands of rows would be the attack's success.
  if (facts.rate.flood) return { refuse: "flood" };
  // Only software fills the hidden field or replays an answer: no mail, which would go to an
  // address the bot chose.
  if (facts.honeypot) return quarantine("honeypot", false);
  if (facts.pow === "replayed") return quarantine("replayed proof of work", false);
  // These may well be people (a throwaway inbox, a shared network): they get the mail, and a
  // confirmed quarantined signature is marked confirmed for the moderator who releases it.
  if (facts.disposable) return quarantine("disposable email", true);
  if (facts.rate.overLimit) return quarantine("rate limit", true);
  // Without a valid proof of work (no JavaScript, an old browser, an expired challenge) the stricter
  // path: accepted when the network is quiet, quarantined when it already signed this campaign lately.
  if (facts.pow !== "valid" && facts.rate.busy) return quarantine("rate limit", true);
  return { status: "PENDING", reason: null, sendMail: true };
}
