import { describe, expect, it } from "vitest";
import { checkOrigin, isStateChanging } from "@/lib/security/origin";

const APP = "https://act.example.org";
const post = (headers: { origin?: string | null; secFetchSite?: string | null; host?: string | null }, appUrl = APP) =>
  checkOrigin({ method: "POST", origin: headers.origin ?? null, secFetchSite: headers.secFetchSite ?? null, host: headers.host === undefined ? "act.example.org" : headers.host, appUrl });

describe("the origin check of state-changing requests", () => {
  it("lets reading requests through whatever they carry", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) {
      expect(checkOrigin({ method, origin: "https://evil.example", secFetchSite: "cross-site", host: "act.example.org", appUrl: APP })).toEqual({ allowed: true });
    }
  });

  it("treats every other method as changing state", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post", "PROPFIND"]) expect(isStateChanging(method)).toBe(true);
  });

  it("accepts a POST from the site's own pages", () => {
    expect(post({ origin: APP, secFetchSite: "same-origin" })).toEqual({ allowed: true });
    // Older browsers send no Sec-Fetch-Site; a reload's resubmission says "none".
    expect(post({ origin: APP })).toEqual({ allowed: true });
    expect(post({ origin: APP, secFetchSite: "none" })).toEqual({ allowed: true });
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(checkOrigin({ method, origin: APP, secFetchSite: "same-origin", host: "act.example.org", appUrl: APP })).toEqual({ allowed: true });
    }
  });

  it("refuses another site, a sibling subdomain, another scheme or port of ours", () => {
    expect(post({ origin: "https://evil.example", secFetchSite: "cross-site" })).toMatchObject({ allowed: false });
    expect(post({ origin: "https://evil.example" })).toMatchObject({ allowed: false });
    expect(post({ origin: "https://blog.example.org", secFetchSite: "same-site" })).toMatchObject({ allowed: false });
    expect(post({ origin: "https://blog.example.org" })).toMatchObject({ allowed: false });
    expect(post({ origin: "http://act.example.org", host: "internal:3000" })).toMatchObject({ allowed: false });
    expect(post({ origin: "https://act.example.org:8443", host: "internal:3000" })).toMatchObject({ allowed: false });
    expect(post({ origin: "https://act.example.org.evil.example" })).toMatchObject({ allowed: false });
  });

  it("refuses what the browser labels cross-site even if the Origin looks right", () => {
    expect(post({ origin: APP, secFetchSite: "cross-site" })).toEqual({ allowed: false, reason: "Sec-Fetch-Site is cross-site" });
    expect(post({ origin: APP, secFetchSite: "same-site" })).toMatchObject({ allowed: false });
  });

  it("refuses a missing, empty, null or malformed Origin", () => {
    expect(post({})).toEqual({ allowed: false, reason: "no Origin header" });
    expect(post({ origin: "  " })).toEqual({ allowed: false, reason: "no Origin header" });
    expect(post({ origin: "null" })).toEqual({ allowed: false, reason: "Origin is null" });
    expect(post({ origin: "not a url" })).toMatchObject({ allowed: false });
    expect(post({ origin: "file:///etc/passwd" })).toMatchObject({ allowed: false });
    expect(post({ origin: "chrome-extension://abcdef" })).toMatchObject({ allowed: false });
  });

  it("accepts the host the request was sent to, for a site reached under another name than APP_URL", () => {
    // `next dev` on localhost opened as 127.0.0.1, or a second hostname behind a proxy that keeps Host.
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }, "http://localhost:3000")).toEqual({ allowed: true });
    expect(post({ origin: "https://petition.example.net", host: "Petition.Example.NET" })).toEqual({ allowed: true });
    // The default port is the same origin whether or not Host spells it.
    expect(post({ origin: "https://petition.example.net", host: "petition.example.net:443" })).toEqual({ allowed: true });
    // But the Host must really be that host.
    expect(post({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3001" }, "http://localhost:3000")).toMatchObject({ allowed: false });
    expect(post({ origin: "https://evil.example", host: "evil.example@act.example.org" })).toMatchObject({ allowed: false });
    expect(post({ origin: "https://evil.example", host: null })).toMatchObject({ allowed: false });
  });

  it("accepts APP_URL's origin behind a proxy that rewrites Host", () => {
    expect(post({ origin: "https://act.example.org", host: "127.0.0.1:3000" })).toEqual({ allowed: true });
    expect(post({ origin: "https://act.example.org", host: "127.0.0.1:3000" }, "https://act.example.org/")).toEqual({ allowed: true });
  });
});
