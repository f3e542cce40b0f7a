import { describe, expect, it } from "vitest";
import { authCookies, deviceCookie } from "@/lib/auth/cookies";

const KEYS = ["sessionToken", "callbackUrl", "csrfToken", "pkceCodeVerifier", "state", "nonce"] as const;

describe("next-auth's cookies", () => {
  it("on https: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain, and __Host- prefixed", () => {
    const cookies = authCookies("https://act.example.org");
    for (const key of KEYS) {
      const { name, options } = cookies[key];
      expect(name, key).toMatch(/^__Host-next-auth\./);
      expect(options, key).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax", path: "/" });
      expect(options.domain, key).toBeUndefined();
    }
    expect(cookies.sessionToken.name).toBe("__Host-next-auth.session-token");
    expect(cookies.csrfToken.name).toBe("__Host-next-auth.csrf-token");
  });

  it("over http (local development, tests): plain names, not Secure (browsers would drop them), still HttpOnly and Lax", () => {
    const cookies = authCookies("http://localhost:3000");
    for (const key of KEYS) {
      const { name, options } = cookies[key];
      expect(name, key).toMatch(/^next-auth\./);
      expect(options, key).toMatchObject({ secure: false, httpOnly: true, sameSite: "lax", path: "/" });
    }
    expect(cookies.sessionToken.name).toBe("next-auth.session-token");
  });

  it("keeps the sign-in round trip's cookies short-lived and the session's for the session", () => {
    const cookies = authCookies("https://act.example.org");
    expect(cookies.state.options.maxAge).toBe(900);
    expect(cookies.pkceCodeVerifier.options.maxAge).toBe(900);
    expect(cookies.sessionToken.options.maxAge).toBeUndefined(); // next-auth sets the session's own expiry
  });
});

describe("the device cookie", () => {
  it("has the session cookie's flags and prefix rule, and lives a year", () => {
    expect(deviceCookie("https://act.example.org")).toEqual({
      name: "__Host-advocate.device",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true, maxAge: 365 * 24 * 60 * 60 },
    });
    expect(deviceCookie("http://localhost:3000")).toMatchObject({ name: "advocate.device", options: { secure: false, httpOnly: true } });
  });
});
