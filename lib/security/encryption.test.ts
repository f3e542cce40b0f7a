import { beforeAll, describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "@/lib/security/encryption";

beforeAll(() => {
  process.env.TOTP_ENCRYPTION_KEY = "a key for the encryption tests";
});

describe("secrets stored encrypted", () => {
  it("opens what it sealed, and the sealed text does not contain the secret", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "totp:1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealed.length).toBeLessThanOrEqual(255); // AdminUser.totpSecret is VARCHAR(255)
    expect(openSecret(sealed, "totp:1")).toBe("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
  });

  it("seals the same secret differently each time", () => {
    expect(sealSecret("same", "totp:1")).not.toBe(sealSecret("same", "totp:1"));
  });

  it("refuses a value moved to another account, altered, or sealed under another key", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "totp:1");
    expect(openSecret(sealed, "totp:2")).toBeNull();
    const [format, iv, tag, body] = sealed.split(".");
    const flipped = body!.slice(0, -2) + (body!.at(-2) === "A" ? "B" : "A") + body!.at(-1);
    expect(openSecret([format, iv, tag, flipped].join("."), "totp:1")).toBeNull();
    expect(openSecret("v1.garbage", "totp:1")).toBeNull();
    expect(openSecret("JBSWY3DPEHPK3PXP", "totp:1")).toBeNull();
    process.env.TOTP_ENCRYPTION_KEY = "another key";
    try {
      expect(openSecret(sealed, "totp:1")).toBeNull();
    } finally {
      process.env.TOTP_ENCRYPTION_KEY = "a key for the encryption tests";
    }
  });
});
