// Expected failures of campaign administration. `code` is a message key (AdminCampaigns.errors.*);
// `field`, when set, is the form field the message belongs beside.
export type CampaignErrorCode = "slugTaken" | "notFound";

export class CampaignError extends Error {
  constructor(
    readonly code: CampaignErrorCode,
    readonly field?: "slug",
  ) {
    super(code);
    this.name = "CampaignError";
  }
}
