import { generateSecret, generateURI, verify } from "otplib";

// Time-based one-time codes (RFC 6238) as every authenticator app makes them: SHA-1, 6 digits, 30 s.

export const TOTP_PERIOD_SECONDS = 30;
/** A code of the step before or after the current one is still accepted: clocks drift, people type slowly. */
export const TOTP_TOLERANCE_SECONDS = 30;

/** A new random secret, 160 bits, in Base32 (what authenticator apps take). */
export function newTotpSecret(): string {
  return generateSecret();
}

/** The otpauth:// address that the QR code carries. */
export function totpUri({ issuer, account, secret }: { issuer: string; account: string; secret: string }): string {
  return generateURI({ issuer, label: account, secret });
}

/** What people type: digits, maybe with spaces or a dash in the middle. */
export function normaliseCode(code: unknown): string | null {
  if (typeof code !== "string") return null;
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * The time step of a valid code, or null. A code is valid within TOTP_TOLERANCE_SECONDS of now, and
 * only when its step is later than `afterTimeStep` (the last step accepted for the account): the
 * same code, or an older one, never works twice.
 */
export async function checkTotp(secret: string, code: unknown, options: { afterTimeStep?: number | null; epoch?: number } = {}): Promise<number | null> {
  const token = normaliseCode(code);
  if (!token) return null;
  try {
    const result = await verify({
      secret,
      token,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(options.afterTimeStep != null ? { afterTimeStep: options.afterTimeStep } : {}),
      ...(options.epoch !== undefined ? { epoch: options.epoch } : {}),
    });
    // The TOTP strategy's valid result carries the step (the HOTP one, in the same union type, does not).
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    // otplib throws on values it finds invalid (e.g. a last step later than now after a clock change).
    return null;
  }
}
