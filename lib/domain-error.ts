// The one class for expected failures, thrown by services for what the user can act on (a campaign
// closed, a slug taken, a wrong code). `code` is a message key of the form's namespace (`errors.*`),
// translated where it is shown (lib/forms/action.ts); `field`, when set, is the form field the message
// belongs beside. Anything else a service throws is unexpected: logged, and the user reads a generic
// message. Each domain lists its codes as a type (`PetitionErrorCode`, ...) so a typo does not compile.

export class DomainError<Code extends string = string, Field extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly field?: Field,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

