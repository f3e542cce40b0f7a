type SignableCampaign = { status: "DRAFT" | "OPEN" | "CLOSED"; deadline: Date | null };

/** Whether a campaign takes signatures now: open, and its deadline (if any) not passed. */
export function isOpenForSignatures(campaign: SignableCampaign, now = new Date()): boolean {
  return campaign.status === "OPEN" && (!campaign.deadline || campaign.deadline.getTime() > now.getTime());
}
