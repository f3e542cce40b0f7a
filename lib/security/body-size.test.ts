import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, bodySizeVerdict, type BodyRequest } from "@/lib/security/body-size";

const post = (pathname: string, contentLength: string | null, transferEncoding: string | null = null): BodyRequest => ({ method: "POST", pathname, contentLength, transferEncoding });

describe("the request body limit of proxy.ts", () => {
  it("lets bodies up to 64 KB through anywhere", () => {
    for (const path of ["/c/some-campaign", "/embed/some-campaign", "/api/auth/callback/credentials", "/admin/signatures", "/admin/accounts/me", "/"]) {
      expect(bodySizeVerdict(post(path, String(BODY_LIMIT_BYTES))), path).toEqual({ allowed: true });
      expect(bodySizeVerdict(post(path, "0")), path).toEqual({ allowed: true });
    }
  });

  it("refuses a larger body with 413 on public pages, the API and the other admin pages", () => {
    for (const path of ["/c/some-campaign", "/embed/some-campaign", "/api/auth/callback/credentials", "/admin/signatures", "/admin/accounts", "/admin/campaigns", "/admin/campaigns/12/reach", "/admin/campaigns/12/preview"]) {
      expect(bodySizeVerdict(post(path, String(BODY_LIMIT_BYTES + 1))), path).toMatchObject({ allowed: false, status: 413 });
    }
    expect(bodySizeVerdict(post("/c/x", "4194304"))).toMatchObject({ allowed: false, status: 413 });
    for (const method of ["PUT", "PATCH", "DELETE"]) expect(bodySizeVerdict({ ...post("/c/x", "100000"), method })).toMatchObject({ allowed: false, status: 413 });
  });

  it("lets the vote import's page (the admin's campaign page) and the campaign editing pages post up to Next's own limit", () => {
    for (const path of ["/admin/campaigns/12", "/admin/campaigns/new", "/admin/campaigns/12/translations/ur"]) {
      expect(bodySizeVerdict(post(path, String(4 * 1024 * 1024))), path).toEqual({ allowed: true });
      expect(bodySizeVerdict(post(path, null, "chunked")), path).toEqual({ allowed: true });
    }
    // Only those exact paths: not a look-alike, not a path that merely contains one.
    for (const path of ["/admin/campaigns/12/", "/admin/campaigns/12x", "/c/admin/campaigns/12", "/admin/campaigns/12/translations/ur/x", "/admin/campaigns/new/x"]) {
      expect(bodySizeVerdict(post(path, "100000")), path).toMatchObject({ allowed: false, status: 413 });
    }
  });

  it("refuses a body of unknown length (chunked, no Content-Length) with 411 outside those pages, without reading it", () => {
    expect(bodySizeVerdict(post("/c/x", null, "chunked"))).toMatchObject({ allowed: false, status: 411 });
    expect(bodySizeVerdict(post("/api/auth/signout", null, "gzip, chunked"))).toMatchObject({ allowed: false, status: 411 });
    expect(bodySizeVerdict(post("/c/x", "12abc"))).toMatchObject({ allowed: false, status: 411 });
    // No body at all: nothing to measure.
    expect(bodySizeVerdict(post("/c/x", null))).toEqual({ allowed: true });
  });

  it("leaves reading requests alone, whatever they carry", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"]) {
      expect(bodySizeVerdict({ method, pathname: "/c/x", contentLength: "10000000", transferEncoding: "chunked" })).toEqual({ allowed: true });
    }
  });
});
