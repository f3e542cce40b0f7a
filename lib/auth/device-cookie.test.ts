import { beforeAll, describe, expect, it } from "vitest";
import { cookieFromHeader, deviceCookieFromHeaders, deviceIdFor, newDeviceCookieValue } from "@/lib/auth/device-cookie";

const DAY = 24 * 60 * 60 * 1000;

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a secret for the device cookie tests, long enough";
});

describe("device cookies", () => {
  it("name the account they were issued for, in any letter case, and a device of their own", () => {
    const first = newDeviceCookieValue("Amina@Staff.test");
    const second = newDeviceCookieValue("amina@staff.test");
    expect(deviceIdFor(first, " AMINA@staff.test ")).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(deviceIdFor(second, "amina@staff.test")).not.toBe(deviceIdFor(first, "amina@staff.test"));
    expect(deviceIdFor(first, "bilal@staff.test")).toBeNull();
  });

  it("are refused when altered in any part, under another key, or older than a year", () => {
    const now = Date.now();
    const value = newDeviceCookieValue("amina@staff.test", now);
    const parts = value.split(".");
    for (let index = 0; index < parts.length; index++) {
      const altered = [...parts];
      altered[index] = `${altered[index]!.slice(0, -1)}${altered[index]!.endsWith("x") ? "y" : "x"}`;
      expect(deviceIdFor(altered.join("."), "amina@staff.test", now), `part ${index}`).toBeNull();
    }
    expect(deviceIdFor(value, "amina@staff.test", now + 364 * DAY)).not.toBeNull();
    expect(deviceIdFor(value, "amina@staff.test", now + 366 * DAY)).toBeNull();
    expect(deviceIdFor(`${value}.extra`, "amina@staff.test", now)).toBeNull();
    expect(deviceIdFor(null, "amina@staff.test")).toBeNull();

    const secret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another secret altogether, also long enough";
    try {
      expect(deviceIdFor(value, "amina@staff.test", now)).toBeNull();
    } finally {
      process.env.NEXTAUTH_SECRET = secret;
    }
  });

  it("are read from the Cookie header next-auth hands authorize()", () => {
    expect(cookieFromHeader("a=1; advocate.device=d1.x.y; b=2", "advocate.device")).toBe("d1.x.y");
    expect(cookieFromHeader("xadvocate.device=no; advocate.device=yes", "advocate.device")).toBe("yes");
    expect(cookieFromHeader(undefined, "advocate.device")).toBeNull();
    expect(cookieFromHeader("advocate.device=%E0%A4%A", "advocate.device")).toBe("%E0%A4%A");
    const value = newDeviceCookieValue("amina@staff.test");
    expect(deviceCookieFromHeaders({ cookie: `next-auth.session-token=abc; advocate.device=${value}` })).toBe(value);
  });
});
