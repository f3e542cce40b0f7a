import type { SignatureReason } from "@/lib/generated/prisma/enums";

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
  /**
   * The address is at a major mail provider (SIGN_RATE_EXEMPT_DOMAINS): a mailbox there costs an
   * account, so the network's limits do not apply (many people behind one carrier's address sign).
   */
  exemptDomain: boolean;
  pow: PowCheck;
  rate: { flood: boolean; overLimit: boolean; busy: boolean };
};

/** Why a signature is quarantined: its Signature.reasonCode (lib/privacy/integrity.ts names them in public). */
export type QuarantineReason = Extract<SignatureReason, "DISPOSABLE_EMAIL" | "RATE_LIMIT">;

export type Screening =
  | { status: "PENDING"; reason: null }
  | { status: "QUARANTINED"; reason: QuarantineReason }
  | { refuse: "flood" }
  /** A robot's attempt: nothing is written and nothing is mailed; the answer is the usual one. */
  | { drop: "honeypot" | "replayed proof of work" };

const quarantine = (reason: QuarantineReason): Screening => ({ status: "QUARANTINED", reason });
const accept: Screening = { status: "PENDING", reason: null };

export function screen(facts: ScreeningFacts): Screening {
  // A flood is refused outright: writing thousands of rows would be the attack's success.
  if (facts.rate.flood) return { refuse: "flood" };
  // Only software fills the hidden field or replays an answer. Nothing is kept: a row keyed on an
  // address the bot chose would stand in the way of that address's owner, and a mail would go to it.
  if (facts.honeypot) return { drop: "honeypot" };
  if (facts.pow === "replayed") return { drop: "replayed proof of work" };
  // These may well be people (a throwaway inbox, a shared network): they get the mail as everyone
  // does, and a confirmed quarantined signature is marked confirmed for the moderator who releases it.
  if (facts.disposable) return quarantine("DISPOSABLE_EMAIL");
  // People behind one carrier's address with their own mailboxes at the big providers are counted;
  // a burst from one network at any other domain (a catch-all domain costs nothing per address) is not.
  if (facts.exemptDomain) return accept;
  if (facts.rate.overLimit) return quarantine("RATE_LIMIT");
  // Without a valid proof of work (no JavaScript, an old browser, an expired challenge) the stricter
  // path: accepted when the network is quiet, quarantined when it already signed this campaign lately.
  if (facts.pow !== "valid" && facts.rate.busy) return quarantine("RATE_LIMIT");
  return accept;
}
