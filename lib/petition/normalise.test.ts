import { describe, expect, it } from "vitest";
import { canonicalEmail, firstName, normaliseMultiline, normaliseText } from "@/lib/petition/normalise";
import { signatureSchema } from "@/lib/petition/schema";

describe("normalisation", () => {
  it("trims, collapses spaces and NFC-normalises text", () => {
    const decomposed = "Jose\u0301  Mari\u0301a ";
    expect(normaliseText(decomposed)).toBe("Jos\u00e9 Mar\u00eda");
    expect(normaliseText(decomposed)).toHaveLength(10);
    expect(normaliseMultiline(" a  b \r\n\r\n\r\n\r\n c ")).toBe("a b\n\nc");
  });

  it("gives one canonical email per person", () => {
    expect(canonicalEmail(" Jane.Doe+petition@Example.ORG ")).toBe("jane.doe@example.org");
    expect(canonicalEmail("J.a.n.e.Doe+x@googlemail.com")).toBe("janedoe@gmail.com");
    expect(canonicalEmail("janedoe@GMAIL.com")).toBe("janedoe@gmail.com");
    expect(canonicalEmail("+only@example.org")).toBe("+only@example.org");
  });

  it("shows first names only", () => {
    expect(firstName("  Amina   Khan ")).toBe("Amina");
  });
});

describe("signatureSchema", () => {
  it("accepts a good signature and normalises it", () => {
    const result = signatureSchema.parse({ fullName: " Amina  Khan ", email: " Amina@Example.ORG ", country: "pak", comment: "  ", showName: "on" });
    expect(result).toEqual({ fullName: "Amina Khan", email: "amina@example.org", country: "PAK", comment: null, showName: true, mayContact: false });
  });

  it("reports each bad field with a message key", () => {
    const result = signatureSchema.safeParse({ fullName: " ", email: "not-an-email", country: "XYZ", comment: "x".repeat(501) });
    expect(result.success).toBe(false);
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toEqual({ fullName: "nameRequired", email: "emailInvalid", country: "countryInvalid", comment: "commentTooLong" });
  });

  it("requires the fields that are missing altogether", () => {
    const result = signatureSchema.safeParse({});
    const byField = Object.fromEntries(result.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(byField).toMatchObject({ fullName: "nameRequired", email: "emailRequired", country: "countryRequired" });
  });
});
