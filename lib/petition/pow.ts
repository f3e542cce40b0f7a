import "server-only";
import { createHmac } from "node:crypto";
import { createChallenge, randomInt, verifySolution, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { z } from "zod";
import { consume, limiter } from "@/lib/petition/limits";
import type { PowCheck } from "@/lib/petition/screening";
import { persistentSecret } from "@/lib/secrets";

// Self-hosted proof of work (ALTCHA v2): the signing form fetches a signed challenge, the browser
// finds the secret counter in the background, and the server checks the answer against the
// challenge's signature. Each challenge counts once: its nonce is recorded as used in the RateLimit
// table for as long as the challenge lives. See docs/decisions/010.

export const CHALLENGE_SECONDS = 10 * 60;
const ALGORITHM = "SHA-256";
/**
 * The solver tries counters from 0 up to the secret one, each a SHA-256 hash, spread over the
 * browser's workers: up to 15,000 hashes take well under a second on a phone, but make each
 * signature cost a bot something.
 */
export const COUNTER_RANGE = { min: 5_000, max: 15_000 };
const USED_PREFIX = "altcha-used";

function secrets() {
  const key = persistentSecret("ALTCHA_HMAC_KEY", "altcha-key");
  // Derived-key signatures make checking an answer one HMAC instead of re-deriving the key.
  return { hmacSignatureSecret: key, hmacKeySignatureSecret: createHmac("sha256", key).update("altcha key signatures").digest("hex") };
}

/** A new challenge for the form. `counter` is for tests, which solve many in a row. */
export async function createPowChallenge(options: { counter?: { min: number; max: number } } = {}): Promise<Challenge> {
  const range = options.counter ?? COUNTER_RANGE;
  return createChallenge({
    algorithm: ALGORITHM,
    cost: 1,
    counter: randomInt(range.max, range.min),
    deriveKey,
    expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000),
    ...secrets(),
  });
}

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({ nonce: z.string().regex(/^[0-9a-f]{16,128}$/), algorithm: z.literal(ALGORITHM) }),
    signature: z.string().max(256),
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(256), time: z.number().optional() }),
});

/** The widget's form value: base64 of JSON { challenge, solution }. Null when it is anything else. */
function parsePayload(payload: string): { challenge: Challenge; solution: Solution } | null {
  if (payload.length > 4_000) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    return parsed.success ? (parsed.data as unknown as { challenge: Challenge; solution: Solution }) : null;
  } catch {
    return null;
  }
}

/**
 * Checks the proof of work sent with a signature: "missing" (no JavaScript, or not finished),
 * "invalid" (tampered, expired or wrong), "replayed" (a correct answer already used once), "valid".
 */
export async function checkProofOfWork(payload: string | null | undefined): Promise<PowCheck> {
  if (!payload?.trim()) return "missing";
  const parsed = parsePayload(payload.trim());
  if (!parsed) return "invalid";
  let verified: boolean;
  try {
    verified = (await verifySolution({ challenge: parsed.challenge, solution: parsed.solution, deriveKey, ...secrets() })).verified;
  } catch {
    return "invalid";
  }
  if (!verified) return "invalid";
  // Atomic in PostgreSQL: of two requests with the same answer, exactly one is first.
  const uses = await consume(limiter(USED_PREFIX, { points: 1, seconds: CHALLENGE_SECONDS }), parsed.challenge.parameters.nonce);
  return uses > 1 ? "replayed" : "valid";
}
