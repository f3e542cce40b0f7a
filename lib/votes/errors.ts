// Expected failures of a vote import. `code` is a message key (AdminVotes.errors.*); `field`, when
// set, is the form field the message belongs beside.
export type VotesErrorCode = "campaignNotFound" | "keyTaken" | "fileInvalid";

export class VotesError extends Error {
  constructor(
    readonly code: VotesErrorCode,
    readonly field?: "key",
  ) {
    super(code);
    this.name = "VotesError";
  }
}
