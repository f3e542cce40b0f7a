// Expected failures of the petition domain. `code` is a message key (Petition.errors.*, or
// Trust.errors.* for the defences' refusals) shown to the user; anything else that goes wrong is
// logged and shown as a generic message.
export type PetitionErrorCode = "campaignNotFound" | "campaignClosed" | "tooManyFromNetwork";

export class PetitionError extends Error {
  constructor(readonly code: PetitionErrorCode) {
    super(code);
    this.name = "PetitionError";
  }
}
