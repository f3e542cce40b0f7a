import { randomUUID } from "node:crypto";
import { generate } from "otplib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { CODE_LIMIT, SESSION_CHECK_LIMIT, signInCounts, UNTRUSTED_LIMIT } from "@/lib/auth/throttle";
import { confirmTwoFactorSetup, disableTwoFactor, resetTwoFactor, startTwoFactorSetup, twoFactorStatus, type TwoFactorStatus } from "@/lib/auth/two-factor/service";
import { db } from "@/lib/db";

const PASSWORD = "correct horse battery staple";
const now = () => Math.floor(Date.now() / 1000);
/** The code of the current step, or of `steps` steps later (still inside the accepted window for 1). */
const code = (secret: string, steps = 0) => generate({ secret, epoch: now() + steps * 30 });
/** A well-formed code that is not valid anywhere in the accepted window. */
async function wrongCode(secret: string): Promise<string> {
  const valid = new Set(await Promise.all([-1, 0, 1].map((steps) => code(secret, steps))));
  return ["000000", "111111", "222222", "333333"].find((candidate) => !valid.has(candidate))!;
}
/** A client of its own (an unknown device on a network of its own), so that no other test's counts touch it. */
const ip = () => ({ network: `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}` });

beforeAll(() => {
  process.env.TOTP_ENCRYPTION_KEY = "a key for the two-factor tests";
  process.env.NEXTAUTH_SECRET ??= "a secret for the two-factor tests, long enough"; // signs device cookies
});
afterEach(() => {
  delete process.env.REQUIRE_ADMIN_TOTP;
});

async function account(role: "ADMIN" | "MODERATOR" = "MODERATOR") {
  const email = `${randomUUID().slice(0, 8)}@staff.test`;
  const user = await db().adminUser.create({ data: { email, role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name: null, role, twoFactor: false };
}

function pendingSecret(status: TwoFactorStatus): string {
  if (status.state !== "pending") throw new Error(`expected pending, got ${status.state}`);
  return status.secret;
}

/** An account with two-factor on; returns the plain secret (as the owner's app has it). */
async function withTwoFactor(role: "ADMIN" | "MODERATOR" = "MODERATOR") {
  const staff = await account(role);
  await startTwoFactorSetup(staff.id);
  const secret = pendingSecret(await twoFactorStatus(staff.id));
  // Kept: the test that reuses it must send this very code, not the current one (a 30 s step can
  // end in between, and the current code would then be a new, unused one).
  const confirmedWith = await code(secret);
  await confirmTwoFactorSetup(staff, confirmedWith);
  return { staff, secret, confirmedWith };
}

const stored = (id: number) => db().adminUser.findUniqueOrThrow({ where: { id }, select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true } });
const auditOf = (accountId: number, action: string) => db().auditEntry.findMany({ where: { action, details: { path: ["accountId"], equals: accountId } } });

describe("setting up two-factor sign-in", () => {
  it("shows a QR code and the key while setting up, stores the key encrypted, and turns on only with a right code", async () => {
    const staff = await account();
    expect(await twoFactorStatus(staff.id)).toEqual({ state: "off" });
    await startTwoFactorSetup(staff.id);
    const status = await twoFactorStatus(staff.id);
    const secret = pendingSecret(status);
    expect(status).toMatchObject({ state: "pending", uri: expect.stringContaining(`secret=${secret}`), qrSvg: expect.stringContaining("<svg") });
    expect((await stored(staff.id)).totpSecret).not.toContain(secret);

    await expect(confirmTwoFactorSetup(staff, await wrongCode(secret))).rejects.toMatchObject({ code: "wrongCode" });
    expect((await stored(staff.id)).totpEnabledAt).toBeNull();
    // Signing in is not yet asked for a code.
    expect(await authenticate({ email: staff.email, password: PASSWORD }, ip())).toMatchObject({ id: staff.id });

    await confirmTwoFactorSetup(staff, await code(secret));
    const after = await twoFactorStatus(staff.id);
    expect(after.state).toBe("on");
    expect(JSON.stringify(after)).not.toContain(secret); // never shown again
    expect(await auditOf(staff.id, "account.two-factor.enable")).toHaveLength(1);
    await expect(startTwoFactorSetup(staff.id)).rejects.toMatchObject({ code: "alreadyOn" });
  });

  it("makes a new key when started again, and the old key's codes stop working", async () => {
    const staff = await account();
    await startTwoFactorSetup(staff.id);
    const first = pendingSecret(await twoFactorStatus(staff.id));
    await startTwoFactorSetup(staff.id);
    const second = pendingSecret(await twoFactorStatus(staff.id));
    expect(second).not.toBe(first);
    await expect(confirmTwoFactorSetup(staff, await code(first))).rejects.toMatchObject({ code: "wrongCode" });
    await confirmTwoFactorSetup(staff, await code(second));
    expect((await stored(staff.id)).totpEnabledAt).not.toBeNull();
  });

  it("cannot be confirmed before it is started", async () => {
    const staff = await account();
    await expect(confirmTwoFactorSetup(staff, "123456")).rejects.toMatchObject({ code: "notStarted" });
  });
});

describe("signing in with two-factor on", () => {
  it("needs a right code besides the password, and never takes the same code twice", async () => {
    const { staff, secret, confirmedWith } = await withTwoFactor();
    expect(await authenticate({ email: staff.email, password: PASSWORD }, ip())).toBeNull();
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: "" }, ip())).toBeNull();
    // The code that confirmed the set-up is used up.
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: confirmedWith }, ip())).toBeNull();
    const next = await code(secret, 1);
    expect(await authenticate({ email: staff.email, password: "wrong", code: next }, ip())).toBeNull();
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: next }, ip())).toMatchObject({ id: staff.id });
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: next }, ip())).toBeNull();
  });

  it(`counts wrong codes like wrong passwords: after ${CODE_LIMIT}, even a right code is refused`, async () => {
    expect(CODE_LIMIT).toBe(UNTRUSTED_LIMIT); // otherwise this test says less than its name
    const { staff, secret } = await withTwoFactor();
    const wrong = await wrongCode(secret);
    for (let i = 0; i < CODE_LIMIT; i++) expect(await authenticate({ email: staff.email, password: PASSWORD, code: wrong }, ip())).toBeNull();
    const { totpLastStep } = await stored(staff.id);
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: await code(secret, 1) }, ip())).toBeNull();
    expect((await stored(staff.id)).totpLastStep).toBe(totpLastStep); // the right code was not even tried
  });

  it("lets the owner in with password and code while strangers' wrong passwords have paused unknown devices", async () => {
    const { staff, secret } = await withTwoFactor();
    for (let i = 0; i < UNTRUSTED_LIMIT + 5; i++) expect(await authenticate({ email: staff.email, password: `guess ${i}`, code: "123456" }, ip())).toBeNull();
    // Paused: even the right password alone, or with a wrong code, gets nothing.
    expect(await authenticate({ email: staff.email, password: PASSWORD }, ip())).toBeNull();
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: await wrongCode(secret) }, ip())).toBeNull();
    // The right password with a right code passes, from a device never seen before.
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: await code(secret, 1) }, ip())).toMatchObject({ id: staff.id });
    // The owner's success did not lift the strangers' pause.
    expect((await signInCounts(staff.email, ip().network)).untrusted).toBeGreaterThan(UNTRUSTED_LIMIT);
    expect(await authenticate({ email: staff.email, password: PASSWORD }, ip())).toBeNull();
  });

  it(`does not let someone who knows the password guess codes past the pause: after ${CODE_LIMIT} wrong codes even a paused account's right code is refused`, async () => {
    const { staff, secret } = await withTwoFactor();
    const wrong = await wrongCode(secret);
    // Unknown devices paused by wrong passwords, then codes guessed with the right password.
    for (let i = 0; i < UNTRUSTED_LIMIT; i++) await authenticate({ email: staff.email, password: `guess ${i}` }, ip());
    for (let i = 0; i < CODE_LIMIT; i++) expect(await authenticate({ email: staff.email, password: PASSWORD, code: wrong }, ip())).toBeNull();
    expect(await authenticate({ email: staff.email, password: PASSWORD, code: await code(secret, 1) }, ip())).toBeNull();
  });
});

describe("turning two-factor off", () => {
  it("needs a current code from the owner, and is audited", async () => {
    const { staff, secret } = await withTwoFactor();
    await expect(disableTwoFactor(staff, "12345x")).rejects.toMatchObject({ code: "wrongCode" });
    await expect(disableTwoFactor(staff, await code(secret))).rejects.toMatchObject({ code: "wrongCode" }); // used up
    expect((await stored(staff.id)).totpEnabledAt).not.toBeNull();
    await disableTwoFactor(staff, await code(secret, 1));
    expect(await stored(staff.id)).toEqual({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    expect(await auditOf(staff.id, "account.two-factor.disable")).toHaveLength(1);
    expect(await authenticate({ email: staff.email, password: PASSWORD }, ip())).toMatchObject({ id: staff.id });
    await expect(disableTwoFactor(staff, await code(secret, 1))).rejects.toMatchObject({ code: "notOn" });
  });

  it(`counts every try before checking it: after ${SESSION_CHECK_LIMIT} wrong codes (even sent at once) a right one is refused too`, async () => {
    const { staff, secret } = await withTwoFactor();
    const wrong = await wrongCode(secret);
    const results = await Promise.allSettled(Array.from({ length: SESSION_CHECK_LIMIT }, () => disableTwoFactor(staff, wrong)));
    expect(results.every((result) => result.status === "rejected" && (result.reason as { code?: string }).code === "wrongCode")).toBe(true);
    await expect(disableTwoFactor(staff, await code(secret, 1))).rejects.toMatchObject({ code: "wrongCode" });
    expect((await stored(staff.id)).totpEnabledAt).not.toBeNull();
  });

  it("is refused to admins when REQUIRE_ADMIN_TOTP is on, not to moderators", async () => {
    process.env.REQUIRE_ADMIN_TOTP = "true";
    const admin = await withTwoFactor("ADMIN");
    await expect(disableTwoFactor(admin.staff, await code(admin.secret, 1))).rejects.toMatchObject({ code: "required" });
    expect((await stored(admin.staff.id)).totpEnabledAt).not.toBeNull();
    const moderator = await withTwoFactor("MODERATOR");
    await disableTwoFactor(moderator.staff, await code(moderator.secret, 1));
    expect((await stored(moderator.staff.id)).totpEnabledAt).toBeNull();
  });
});

describe("an admin resetting another account's two-factor (lost phone)", () => {
  it("turns it off so the account can sign in with its password and set it up again, and is audited with who did it", async () => {
    const admin = await account("ADMIN");
    const { staff } = await withTwoFactor();
    expect(await resetTwoFactor(admin, staff.id)).toEqual({ changed: true, email: staff.email });
    expect(await stored(staff.id)).toEqual({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    const [entry] = await auditOf(staff.id, "account.two-factor.reset");
    expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, details: { accountId: staff.id, email: staff.email, wasOn: true } });
    // Whoever has the lost phone may have a session too: every session of the account has ended.
    expect((await db().adminUser.findUniqueOrThrow({ where: { id: staff.id } })).sessionVersion).toBe(1);
    expect(await authenticate({ email: staff.email, password: PASSWORD }, ip())).toMatchObject({ id: staff.id });
    expect(await resetTwoFactor(admin, staff.id)).toEqual({ changed: false, email: staff.email });
  });

  it("also clears a set-up left half-way, and refuses one's own account and unknown ones", async () => {
    const admin = await account("ADMIN");
    const staff = await account();
    await startTwoFactorSetup(staff.id);
    expect(await resetTwoFactor(admin, staff.id)).toMatchObject({ changed: true });
    expect(await twoFactorStatus(staff.id)).toEqual({ state: "off" });
    await expect(resetTwoFactor(admin, admin.id)).rejects.toMatchObject({ code: "self" });
    await expect(resetTwoFactor(admin, 2_000_000_000)).rejects.toMatchObject({ code: "notFound" });
  });
});
