import { describe, expect, it } from "vitest";
import { SignatureStatus as StoredStatus } from "@/lib/generated/prisma/enums";
import { MODERATION_ACTION_NAMES } from "@/lib/moderation/names";
import { ACTION_APPLIES_TO, awaitsConfirmation, SIGNATURE_STATUSES, STATUS_MEANING, UNCOUNTED_STATUSES, zeroCounts } from "@/lib/petition/states";

describe("the signature states", () => {
  it("are exactly the database's, listed counted first", () => {
    expect([...SIGNATURE_STATUSES].sort()).toEqual(Object.values(StoredStatus).sort());
    expect(SIGNATURE_STATUSES[0]).toBe("CONFIRMED");
    expect(SIGNATURE_STATUSES.filter((status) => STATUS_MEANING[status].counted)).toEqual(["CONFIRMED"]);
    expect(UNCOUNTED_STATUSES).toEqual(["PENDING", "QUARANTINED", "REJECTED", "SPAM", "WITHDRAWN"]);
    expect(Object.keys(zeroCounts())).toEqual([...SIGNATURE_STATUSES]);
  });

  it("say from which states each moderation action applies (a withdrawal is the signer's, never moved)", () => {
    const table = Object.fromEntries(MODERATION_ACTION_NAMES.map((action) => [action, [...ACTION_APPLIES_TO[action]].sort()]));
    expect(table).toEqual({
      confirm: ["PENDING", "QUARANTINED", "REJECTED", "SPAM"],
      reject: ["CONFIRMED", "PENDING", "QUARANTINED", "SPAM"],
      spam: ["CONFIRMED", "PENDING", "QUARANTINED", "REJECTED"],
      restore: ["REJECTED", "SPAM"],
      "hide-comment": ["CONFIRMED", "PENDING", "QUARANTINED", "REJECTED", "SPAM", "WITHDRAWN"],
      "show-comment": ["CONFIRMED", "PENDING", "QUARANTINED", "REJECTED", "SPAM", "WITHDRAWN"],
      delete: ["CONFIRMED", "PENDING", "QUARANTINED", "REJECTED", "SPAM", "WITHDRAWN"],
    });
  });

  it("say when the owner of an address signing again gets a new link (the rule the signing service had spelled out)", () => {
    const table = Object.fromEntries(SIGNATURE_STATUSES.map((status) => [status, [awaitsConfirmation(status, null), awaitsConfirmation(status, new Date())]]));
    expect(table).toEqual({
      CONFIRMED: [false, false],
      PENDING: [true, true],
      QUARANTINED: [true, false],
      REJECTED: [true, false],
      SPAM: [true, false],
      WITHDRAWN: [true, true],
    });
  });
});
