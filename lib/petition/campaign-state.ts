type SignableCampaign = { status: "DRAFT" | "OPEN" | "CLOSED"; deadline: Date | null };
type ConfirmableCampaign = SignableCampaign & { closedAt: Date | null };

/** Whether a campaign takes signatures now: open, and its deadline (if any) not passed. */
export function isOpenForSignatures(campaign: SignableCampaign, now = new Date()): boolean {
  return campaign.status === "OPEN" && (!campaign.deadline || campaign.deadline.getTime() > now.getTime());
}

/**
 * When the campaign stopped taking signatures: its deadline once passed, or when staff closed it
 * (the earlier of the two); null while it takes them, and for a draft.
 */
export function signingEndedAt(campaign: ConfirmableCampaign, now = new Date()): Date | null {
  const deadline = campaign.deadline && campaign.deadline.getTime() <= now.getTime() ? campaign.deadline : null;
  if (campaign.status === "CLOSED") {
    const ended = [deadline, campaign.closedAt].filter((date): date is Date => date !== null);
    // Closed before the closing time was recorded: long enough ago that no grace is left.
    return ended.length > 0 ? new Date(Math.min(...ended.map((date) => date.getTime()))) : new Date(0);
  }
  return campaign.status === "OPEN" ? deadline : null;
}

/**
 * Whether a signer's confirmation still counts: while the campaign takes signatures, and for the
 * grace period after it stopped (CONFIRM_GRACE_HOURS), so that the figure handed in holds. A draft
 * takes none: it is not public.
 */
export function acceptsConfirmations(campaign: ConfirmableCampaign, graceHours: number, now = new Date()): boolean {
  if (campaign.status === "DRAFT") return false;
  const ended = signingEndedAt(campaign, now);
  return ended === null || now.getTime() < ended.getTime() + graceHours * 3_600_000;
}

export const DEFAULT_CONFIRM_GRACE_HOURS = 24;

/** CONFIRM_GRACE_HOURS: how long after a campaign closes a signer's confirmation still counts (0 to 720). */
export function confirmGraceHours(env: Record<string, string | undefined> = process.env): number {
  const raw = env.CONFIRM_GRACE_HOURS?.trim() ?? "";
  if (raw === "") return DEFAULT_CONFIRM_GRACE_HOURS;
  if (!/^\d+$/.test(raw) || Number(raw) > 720) {
    throw new Error(`CONFIRM_GRACE_HOURS must be a whole number of hours from 0 to 720 (how long after a campaign closes confirmations still count), got "${raw}".`);
  }
  return Number(raw);
}
