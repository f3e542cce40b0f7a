import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { persistentSecret } from "@/lib/secrets";
import { productionSecretProblems, weakSecretReason } from "@/lib/secrets-policy";
import { refuseUnusableEnvironment } from "@/lib/server-start";

const STRONG = { NEXTAUTH_SECRET: "qN3v0m8KZ1yX7cT5wE2rB9uH4jL6pA0sD3fG8hJ1kQ=", CLIENT_HASH_KEY: "Wd8s7Xk2Lq9Zp4Tn1Vb6Rm3Hy0Gc5Fj8Ke2Ua7Io4E=", ALTCHA_HMAC_KEY: "r5T8y1U4i7O0p3A6s9D2f5G8h1J4k7L0z3X6c9V2b5=", TOTP_ENCRYPTION_KEY: "m2N5b8V1c4X7z0L3k6J9h2G5f8D1s4A7p0O3i6U9y2=" };
const production = (env: Record<string, string | undefined> = {}) => ({ NODE_ENV: "production", APP_ENV: "production", APP_URL: "https://act.example.org", ...STRONG, ...env });

describe("production secrets", () => {
  it("are only required on a production deployment (APP_ENV=production on a production build)", () => {
    expect(productionSecretProblems({ NODE_ENV: "production" })).toEqual([]);
    expect(productionSecretProblems({ NODE_ENV: "development", APP_ENV: "production" })).toEqual([]);
    expect(productionSecretProblems(production())).toEqual([]);
  });

  it("names each missing secret, what it is for and how to make one", () => {
    const problems = productionSecretProblems({ NODE_ENV: "production", APP_ENV: "production", APP_URL: "https://act.example.org" });
    expect(problems).toHaveLength(4);
    for (const [i, name] of ["NEXTAUTH_SECRET", "CLIENT_HASH_KEY", "ALTCHA_HMAC_KEY", "TOTP_ENCRYPTION_KEY"].entries()) {
      expect(problems[i]).toMatch(new RegExp(`^- ${name} is not set\\. It .+\\. Make one with \`openssl rand -base64 32\``));
    }
  });

  it("requires the site's public address on https, since HSTS and secure cookies follow from it", () => {
    expect(productionSecretProblems(production({ APP_URL: undefined }))).toEqual([expect.stringMatching(/^- APP_URL is not set\. .*HSTS.*e\.g\. https:\/\//)]);
    expect(productionSecretProblems(production({ APP_URL: "  " }))).toEqual([expect.stringMatching(/^- APP_URL is not set\./)]);
    expect(productionSecretProblems(production({ APP_URL: "http://act.example.org" }))).toEqual([expect.stringMatching(/^- APP_URL \(http:\/\/act\.example\.org\) is not an https:\/\/ address\./)]);
    expect(productionSecretProblems(production({ APP_URL: "https://act.example.org/" }))).toEqual([]);
    // Not a deployment: `npm start` on a laptop serves http://localhost.
    expect(productionSecretProblems({ NODE_ENV: "production", APP_URL: "http://localhost:3000" })).toEqual([]);
  });

  it("refuses placeholders, short values and values with too few different characters", () => {
    for (const weak of ["changeme", "secret", "CHANGE-ME-please-0123456789abcdefghij", "your-secret-here", "your_secret_key_that_is_quite_long_enough", "development", "password"]) {
      expect(weakSecretReason(weak), weak).toBe("is a well-known placeholder value");
    }
    expect(weakSecretReason("x7Fq9LmZ2pR4")).toBe("is shorter than 32 characters");
    expect(weakSecretReason("ab".repeat(20))).toBe("repeats too few different characters to be random");
    expect(weakSecretReason("   ")).toBe("is not set");
    expect(weakSecretReason(STRONG.NEXTAUTH_SECRET)).toBeNull();
    expect(productionSecretProblems(production({ CLIENT_HASH_KEY: "secret" }))).toEqual([expect.stringMatching(/^- CLIENT_HASH_KEY is a well-known placeholder value\./)]);
  });

  it("refuses a well-known database password, not a strong one or none", () => {
    expect(productionSecretProblems(production({ DATABASE_URL: "postgresql://app:postgres@db:5432/advocate" }))).toEqual([expect.stringMatching(/^- DATABASE_URL: its password is a well-known default/)]);
    expect(productionSecretProblems(production({ DATABASE_URL: "postgresql://app:Zr8%40p1Lx0q@db:5432/advocate" }))).toEqual([]);
    expect(productionSecretProblems(production({ DATABASE_URL: "postgresql://app@db/advocate" }))).toEqual([]);
  });
});

describe("in production", () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-secrets-"));
    vi.stubEnv("DATA_DIR", dataDir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("a key is never generated into DATA_DIR, and a weak one is refused", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_ENV", "production");
    vi.stubEnv("ADVOCATE_TEST_PROD_KEY", "");
    expect(() => persistentSecret("ADVOCATE_TEST_PROD_KEY", "prod-key")).toThrow(/ADVOCATE_TEST_PROD_KEY is not set\. Make one with `openssl rand -base64 32`/);
    vi.stubEnv("ADVOCATE_TEST_PROD_KEY", "changeme");
    expect(() => persistentSecret("ADVOCATE_TEST_PROD_KEY", "prod-key")).toThrow(/placeholder/);
    expect(readdirSync(dataDir)).toEqual([]);
    vi.stubEnv("ADVOCATE_TEST_PROD_KEY", STRONG.ALTCHA_HMAC_KEY);
    expect(persistentSecret("ADVOCATE_TEST_PROD_KEY", "prod-key")).toBe(STRONG.ALTCHA_HMAC_KEY);
  });

  it("the server process (instrumentation) stops with the message before serving", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("APP_ENV", "production");
    for (const name of Object.keys(STRONG)) vi.stubEnv(name, "");
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    const exit = vi.spyOn(process, "exit").mockImplementation(((code?: number) => {
      throw new Error(`exit ${code}`);
    }) as never);
    expect(() => refuseUnusableEnvironment()).toThrow("exit 1");
    expect(exit).toHaveBeenCalledWith(1);
    expect(written.join("")).toMatch(/Refusing to start with APP_ENV=production[\s\S]*NEXTAUTH_SECRET is not set[\s\S]*CLIENT_HASH_KEY[\s\S]*ALTCHA_HMAC_KEY/);
  });

  it("`npm start` refuses before starting anything", async () => {
    const child = spawn(path.join("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir, APP_ENV: "production", NEXTAUTH_SECRET: "changeme", CLIENT_HASH_KEY: STRONG.CLIENT_HASH_KEY, ALTCHA_HMAC_KEY: "", PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("NEXTAUTH_SECRET is a well-known placeholder value");
    expect(output).toContain("ALTCHA_HMAC_KEY is not set");
    expect(output).not.toContain("CLIENT_HASH_KEY is");
    expect(output).toContain("openssl rand -base64 32");
    expect(output).not.toContain("[1/7]"); // no step ran
    expect(existsSync(path.join(dataDir, "postgres"))).toBe(false);
  });
});
