import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { checkTotp, newTotpSecret, normaliseCode, TOTP_PERIOD_SECONDS, totpUri } from "@/lib/auth/two-factor/totp";

// A fixed moment at the start of a time step, so "one step before/after" is exact.
const STEP = 59_000_000;
const NOW = STEP * TOTP_PERIOD_SECONDS + 1;
const codeAt = (secret: string, epoch: number) => generate({ secret, epoch });

describe("TOTP codes", () => {
  it("makes 160-bit Base32 secrets, a new one each time", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it("accepts the current code and gives its time step", async () => {
    const secret = newTotpSecret();
    expect(await checkTotp(secret, await codeAt(secret, NOW), { epoch: NOW })).toBe(STEP);
  });

  it("accepts the codes of the step before and after (clock drift), not two steps away", async () => {
    const secret = newTotpSecret();
    expect(await checkTotp(secret, await codeAt(secret, NOW - 30), { epoch: NOW })).toBe(STEP - 1);
    expect(await checkTotp(secret, await codeAt(secret, NOW + 30), { epoch: NOW })).toBe(STEP + 1);
    expect(await checkTotp(secret, await codeAt(secret, NOW - 61), { epoch: NOW })).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, NOW + 60), { epoch: NOW })).toBeNull();
  });

  it("refuses a code once its step was used (replay), and any older one, but takes the next step's", async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, NOW);
    const used = await checkTotp(secret, code, { epoch: NOW });
    expect(used).toBe(STEP);
    expect(await checkTotp(secret, code, { epoch: NOW, afterTimeStep: used })).toBeNull();
    expect(await checkTotp(secret, code, { epoch: NOW + 10, afterTimeStep: used })).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, NOW - 30), { epoch: NOW, afterTimeStep: used })).toBeNull();
    expect(await checkTotp(secret, await codeAt(secret, NOW + 30), { epoch: NOW + 30, afterTimeStep: used })).toBe(STEP + 1);
  });

  it("refuses another secret's code, and anything that is not 6 digits", async () => {
    const secret = newTotpSecret();
    expect(await checkTotp(secret, await codeAt(newTotpSecret(), NOW), { epoch: NOW })).toBeNull();
    for (const junk of ["", "12345", "1234567", "abcdef", "12345a", undefined, null, 123456, ["123456"]]) {
      expect(await checkTotp(secret, junk, { epoch: NOW })).toBeNull();
    }
  });

  it("reads codes typed with a space or dash in the middle", async () => {
    const secret = newTotpSecret();
    const code = await codeAt(secret, NOW);
    expect(normaliseCode(`${code.slice(0, 3)} ${code.slice(3)}`)).toBe(code);
    expect(await checkTotp(secret, `${code.slice(0, 3)}-${code.slice(3)}`, { epoch: NOW })).toBe(STEP);
  });

  it("gives authenticator apps an otpauth:// address with the issuer, the account and the secret", () => {
    const uri = new URL(totpUri({ issuer: "Advocate act.example.org", account: "ayesha@example.org", secret: "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" }));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Advocate act.example.org:ayesha@example.org");
    expect(uri.searchParams.get("secret")).toBe("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
    expect(uri.searchParams.get("issuer")).toBe("Advocate act.example.org");
  });
});
