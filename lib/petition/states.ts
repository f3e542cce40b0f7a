import type { SignatureStatus as StoredStatus } from "@/lib/generated/prisma/enums";
import type { ModerationActionName } from "@/lib/moderation/names";

// A signature's six states, what each means, and which moderation moves apply to which: the one
// place services, queries and components take them from (issue 17, decision 026). No server code:
// client components may import it.

/** Every state, in the order pages list them (the counted one first). */
export const SIGNATURE_STATUSES = ["CONFIRMED", "PENDING", "QUARANTINED", "REJECTED", "SPAM", "WITHDRAWN"] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

// The list and the database's enum must name the same states: this line fails to compile otherwise.
const sameStates: [SignatureStatus] extends [StoredStatus] ? ([StoredStatus] extends [SignatureStatus] ? true : never) : never = true;
void sameStates;

type Meaning = {
  /** In the public count (and the counts by country). */
  counted: boolean;
  /** Decided by the signer, so no moderator may change it. */
  signersDecision: boolean;
  /** A judgement on the submission, by a moderator or the screening (not by the signer). */
  judged: boolean;
};

export const STATUS_MEANING: Record<SignatureStatus, Meaning> = {
  CONFIRMED: { counted: true, signersDecision: false, judged: false },
  PENDING: { counted: false, signersDecision: false, judged: false },
  QUARANTINED: { counted: false, signersDecision: false, judged: true },
  REJECTED: { counted: false, signersDecision: false, judged: true },
  SPAM: { counted: false, signersDecision: false, judged: true },
  WITHDRAWN: { counted: false, signersDecision: true, judged: false },
};

/**
 * Whether the owner of an address signing again gets a new confirmation link: yes while it awaits
 * confirmation or after they withdrew; a judgement of an unconfirmed submission was about whoever
 * typed it, so it does not stand in the owner's way, but one of a confirmed signature stands.
 */
export function awaitsConfirmation(status: SignatureStatus, confirmedAt: Date | null): boolean {
  if (status === "PENDING" || STATUS_MEANING[status].signersDecision) return true;
  return STATUS_MEANING[status].judged && confirmedAt === null;
}

/** Every state but the counted one: read from the rows (the counted number is the kept count). */
export const UNCOUNTED_STATUSES = SIGNATURE_STATUSES.filter((status) => !STATUS_MEANING[status].counted);

/** A count per state, all zero. */
export function zeroCounts(): Record<SignatureStatus, number> {
  return Object.fromEntries(SIGNATURE_STATUSES.map((status) => [status, 0])) as Record<SignatureStatus, number>;
}

const ALL = SIGNATURE_STATUSES;
/** Every state but the signer's own decision (withdrawn): what a moderator may move. */
const MOVABLE = SIGNATURE_STATUSES.filter((status) => !STATUS_MEANING[status].signersDecision);

/**
 * From which states each moderation action applies. A status move never applies to a signature its
 * signer withdrew, nor to one already in the target state; comments and deletion apply to any.
 */
export const ACTION_APPLIES_TO: Record<ModerationActionName, readonly SignatureStatus[]> = {
  confirm: MOVABLE.filter((status) => status !== "CONFIRMED"),
  reject: MOVABLE.filter((status) => status !== "REJECTED"),
  spam: MOVABLE.filter((status) => status !== "SPAM"),
  restore: ["REJECTED", "SPAM"],
  "hide-comment": ALL,
  "show-comment": ALL,
  delete: ALL,
};
