import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/altcha/challenge/route";
import { checkProofOfWork, CHALLENGE_SECONDS, COUNTER_RANGE } from "@/lib/petition/pow";

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "advocate-altcha-"));
  process.env.DATA_DIR = dataDir;
  delete process.env.ALTCHA_HMAC_KEY;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("GET /api/altcha/challenge", () => {
  it("serves a fresh, signed, uncached challenge that expires in 10 minutes and that the server accepts once solved", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const challenge = (await response.json()) as Challenge;
    expect(challenge.parameters).toMatchObject({ algorithm: "SHA-256", cost: 1 });
    expect(challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(challenge.parameters.expiresAt! - Date.now() / 1000).toBeGreaterThan(CHALLENGE_SECONDS - 5);
    expect(challenge.parameters.expiresAt! - Date.now() / 1000).toBeLessThanOrEqual(CHALLENGE_SECONDS);
    const other = (await (await GET()).json()) as Challenge;
    expect(other.parameters.nonce).not.toBe(challenge.parameters.nonce);

    // The key was generated and kept in DATA_DIR, readable by its owner only.
    expect(statSync(path.join(dataDir, "altcha-key")).mode & 0o777).toBe(0o600);

    // Solving takes at most COUNTER_RANGE.max hashes (a browser spreads them over its workers).
    const solution = await solveChallenge({ challenge, deriveKey });
    expect(solution!.counter).toBeGreaterThanOrEqual(COUNTER_RANGE.min);
    expect(solution!.counter).toBeLessThanOrEqual(COUNTER_RANGE.max);
    const payload = Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
    expect(await checkProofOfWork(payload)).toBe("valid");
    expect(await checkProofOfWork(payload)).toBe("replayed");
  });
});
