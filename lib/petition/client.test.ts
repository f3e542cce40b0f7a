import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashClientAddress } from "@/lib/petition/client";
import { persistentSecret } from "@/lib/secrets";

let dataDir: string;
const saved = { DATA_DIR: process.env.DATA_DIR, CLIENT_HASH_KEY: process.env.CLIENT_HASH_KEY };
beforeEach(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-client-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.CLIENT_HASH_KEY;
});
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the client network's hash", () => {
  it("is stored only as a keyed hash, the same for one network and different for another", () => {
    const hash = hashClientAddress("203.0.113.7");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // Not a plain (unkeyed) hash, which anyone could reverse over the 2^32 IPv4 addresses.
    expect(hash).not.toBe(createHash("sha256").update("203.0.113.7").digest("hex"));
    expect(hashClientAddress("203.0.113.7:4000")).toBe(hash);
    expect(hashClientAddress("203.0.113.8")).not.toBe(hash);
    expect(hashClientAddress("2001:db8:1:2::1")).toBe(hashClientAddress("2001:db8:1:2:ffff::9"));
  });

  it("uses CLIENT_HASH_KEY when set, so every instance hashes alike", () => {
    const generated = hashClientAddress("203.0.113.7");
    process.env.CLIENT_HASH_KEY = "a key shared by all instances";
    const configured = hashClientAddress("203.0.113.7");
    expect(configured).not.toBe(generated);
    process.env.CLIENT_HASH_KEY = "another key";
    expect(hashClientAddress("203.0.113.7")).not.toBe(configured);
  });
});

describe("a key kept in DATA_DIR", () => {
  it("is generated once, readable only by its owner, and read back afterwards", () => {
    const key = persistentSecret("ADVOCATE_TEST_UNSET_KEY", "test-key");
    const file = path.join(dataDir, "test-key");
    expect(readFileSync(file, "utf8").trim()).toBe(key);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(key.length).toBeGreaterThanOrEqual(40);
    expect(persistentSecret("ADVOCATE_TEST_UNSET_KEY", "test-key")).toBe(key);
  });

  it("is the one already there when there is one (another process made it)", () => {
    writeFileSync(path.join(dataDir, "preset-key"), "made-by-another-process\n", { mode: 0o600 });
    expect(persistentSecret("ADVOCATE_TEST_UNSET_KEY", "preset-key")).toBe("made-by-another-process");
  });
});
