import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, frameAncestors, securityEnv, securityHeaders, type SecurityEnv } from "@/lib/security/headers";

const local: SecurityEnv = securityEnv({ NODE_ENV: "production", PORT: "3000" });
const production: SecurityEnv = securityEnv({ NODE_ENV: "production", APP_ENV: "production", APP_URL: "https://act.example.org/" });

const directives = (csp: string) => new Map(csp.split(/;\s*/).map((part) => [part.split(" ")[0]!, part.split(" ").slice(1).join(" ")]));

describe("security headers", () => {
  it("reads the environment: APP_URL (or localhost), production, development", () => {
    expect(local).toMatchObject({ appUrl: "http://localhost:3000", production: true, development: false });
    expect(production.appUrl).toBe("https://act.example.org");
    expect(securityEnv({ NODE_ENV: "development" })).toMatchObject({ production: false, development: true });
    expect(securityEnv({ NODE_ENV: "test", APP_ENV: "production" }).production).toBe(true);
  });

  it("makes a fresh, unguessable nonce for each request", () => {
    const nonces = new Set(Array.from({ length: 1000 }, () => createNonce()));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it("allows scripts only with the nonce (no unsafe-inline, no eval in production)", () => {
    const csp = directives(contentSecurityPolicy({ nonce: "abc123", pathname: "/", env: local }));
    expect(csp.get("script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp.get("object-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'self'");
    // Public pages may send a letter to the signer's mail app; the admin's forms stay on the site.
    expect(csp.get("form-action")).toBe("'self' mailto:");
    expect(directives(contentSecurityPolicy({ nonce: "abc123", pathname: "/admin/signatures", env: local })).get("form-action")).toBe("'self'");
    expect(csp.get("default-src")).toBe("'self'");
    expect(csp.get("connect-src")).toBe("'self'");
    expect(csp.get("img-src")).toBe("'self' data: blob:");
    expect(csp.get("worker-src")).toBe("'self' blob:");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    // next dev needs eval for React's error overlay; only there.
    expect(directives(contentSecurityPolicy({ nonce: "n", pathname: "/", env: { ...local, development: true } })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("asks browsers to upgrade requests on an https site", () => {
    expect(directives(contentSecurityPolicy({ nonce: "n", pathname: "/", env: production })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("forbids framing everywhere but the embeddable widget", () => {
    for (const pathname of ["/", "/c/claas-2015", "/admin", "/api/campaigns/x", "/embedded", "/c/embed/x"]) {
      const headers = securityHeaders({ nonce: "n", pathname, env: local });
      expect(headers["X-Frame-Options"]).toBe("DENY");
      expect(directives(headers["Content-Security-Policy"]!).get("frame-ancestors")).toBe("'none'");
    }
    for (const pathname of ["/embed/claas-2015", "/embed/claas-2015/thanks"]) {
      const headers = securityHeaders({ nonce: "n", pathname, env: local });
      expect(headers["X-Frame-Options"]).toBeUndefined();
      expect(directives(headers["Content-Security-Policy"]!).get("frame-ancestors")).toBe("*");
    }
  });

  it("lets EMBED_ALLOWED_ORIGINS name the sites that may frame the widget, dropping what is not an origin", () => {
    const only = (value: string) => frameAncestors("/embed/x", { embedAllowedOrigins: value });
    expect(only("https://claas.org.uk, https://*.example.org  http://localhost:8080/")).toBe("https://claas.org.uk https://*.example.org http://localhost:8080");
    expect(only("*")).toBe("*");
    expect(only("")).toBe("*");
    // Injection attempts and non-origins are dropped; nothing usable left means nobody.
    expect(only("https://ok.example; script-src *")).toBe("'none'");
    expect(only("https://ok.example,https://a.example/path,'unsafe-inline',javascript:alert(1)")).toBe("https://ok.example");
    expect(only("not an origin")).toBe("'none'");
    expect(frameAncestors("/c/x", { embedAllowedOrigins: "https://claas.org.uk" })).toBe("'none'");
  });

  it("sends nosniff, a strict referrer policy and a permissions policy with every response", () => {
    const headers = securityHeaders({ nonce: "n", pathname: "/", env: local });
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\)/);
    expect(headers["Permissions-Policy"]).toMatch(/microphone=\(\)/);
    expect(headers["Permissions-Policy"]).toMatch(/geolocation=\(\)/);
  });

  it("sends HSTS only for a production site on https", () => {
    expect(securityHeaders({ nonce: "n", pathname: "/", env: production })["Strict-Transport-Security"]).toBe("max-age=63072000");
    expect(securityHeaders({ nonce: "n", pathname: "/", env: local })["Strict-Transport-Security"]).toBeUndefined();
    const httpsNotProduction = securityEnv({ NODE_ENV: "development", APP_URL: "https://act.example.org" });
    expect(securityHeaders({ nonce: "n", pathname: "/", env: httpsNotProduction })["Strict-Transport-Security"]).toBeUndefined();
  });
});
