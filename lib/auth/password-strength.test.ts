import { describe, expect, it } from "vitest";
import { newAccountSchema } from "@/lib/accounts/schema";
import { passwordWeakness } from "@/lib/auth/password-strength";

describe("the new-password check (zxcvbn)", () => {
  it("refuses passwords made of entries of the common-passwords list, however spelled", () => {
    for (const password of ["password1234", "P@ssw0rd1234", "drowssap1234", "iloveyou12345", "zaq12wsxcde3"]) {
      expect(passwordWeakness(password), password).toBe("passwordCommon");
    }
  });

  it("refuses passwords zxcvbn scores below 3: sequences, keyboard rows, repeats", () => {
    for (const password of ["abcdefghijkl", "qwertyuiop123", "letmein!letmein!", "aaaaaaaaaaaaaaa"]) {
      expect(passwordWeakness(password), password).toBe("passwordWeak");
    }
  });

  it("counts the account's own email address and name as guessable words", () => {
    for (const password of ["waqas.zuberi@example.org", "Waqas Zuberi!!"]) {
      expect(passwordWeakness(password), password).toBeNull();
      expect(passwordWeakness(password, ["waqas.zuberi@example.org", "Waqas Zuberi"]), password).toBe("passwordWeak");
    }
  });

  it("accepts long passphrases and random strings", () => {
    for (const password of ["correct horse battery staple", "purple elephant marmalade 47", "pw-3f1c2a9e-1b2c-4d5e-8f90-123456789abc", "Tr0ub4dor&3xyz"]) {
      expect(passwordWeakness(password), password).toBeNull();
    }
  });

  it("is part of account creation (the admin form and `npm run admin:create`)", () => {
    const base = { email: "new.staff@example.org", role: "MODERATOR" };
    const issues = (password: string) => newAccountSchema.safeParse({ ...base, password }).error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(issues("password1234")).toEqual(["password: passwordCommon"]);
    expect(issues("qwertyuiop123")).toEqual(["password: passwordWeak"]);
    expect(issues("short")?.[0]).toBe("password: passwordTooShort");
    expect(newAccountSchema.safeParse({ ...base, password: "purple elephant marmalade 47" }).success).toBe(true);
  });
});
