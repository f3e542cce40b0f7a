import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deviceIdFor } from "@/lib/auth/device-cookie";
import { authenticate, type SignInClient } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { DEVICE_LIMIT, NETWORK_LIMIT, signInCounts, UNTRUSTED_LIMIT } from "@/lib/auth/throttle";

// The real argon2 check, watched: how many attempts got as far as checking a password.
const verified = vi.hoisted(() => ({ calls: 0 }));
vi.mock("@/lib/auth/password", async (original) => {
  const actual = await original<typeof import("@/lib/auth/password")>();
  return {
    ...actual,
    verifyPassword: (...args: Parameters<typeof actual.verifyPassword>) => {
      verified.calls++;
      return actual.verifyPassword(...args);
    },
  };
});

const PASSWORD = "correct horse battery staple";
/** A network of its own for every call, so that only the counters a test means to fill fill up. */
const network = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;
const stranger = (): SignInClient => ({ network: network() });
/** The owner's browser: a device cookie from an earlier sign-in (and a network of its own). */
const onDevice = (deviceCookie: string): SignInClient => ({ network: network(), deviceCookie });

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a secret for the sign-in tests, long enough";
});

async function account(options: { disabled?: boolean } = {}) {
  const email = `${randomUUID().slice(0, 8)}@staff.test`;
  const user = await db().adminUser.create({ data: { email, role: "ADMIN", passwordHash: await hashPassword(PASSWORD), disabledAt: options.disabled ? new Date() : null } });
  return { id: user.id, email, password: PASSWORD };
}

/** Signs in once, as the owner does on their own browser, and returns that browser's device cookie. */
async function ownDevice(email: string): Promise<string> {
  const signedIn = await authenticate({ email, password: PASSWORD }, stranger());
  if (!signedIn) throw new Error("the owner could not sign in");
  return signedIn.deviceCookie;
}

const throttledEntries = (accountId: number) => db().auditEntry.findMany({ where: { action: "account.sign-in-throttled", details: { path: ["accountId"], equals: accountId } } });

describe("staff sign-in", () => {
  it("accepts the right password, in any letter case of the email, and gives the browser a device cookie for that account", async () => {
    const { id, email, password } = await account();
    const signedIn = await authenticate({ email: ` ${email.toUpperCase()} `, password }, stranger());
    expect(signedIn).toMatchObject({ id, email, sessionVersion: 0 });
    expect(deviceIdFor(signedIn!.deviceCookie, email)).not.toBeNull();
    expect(deviceIdFor(signedIn!.deviceCookie, "someone-else@staff.test")).toBeNull();
  });

  it("gives the same answer for a wrong password, an unknown account and a disabled account", async () => {
    const { email, password } = await account();
    const disabled = await account({ disabled: true });
    expect(await authenticate({ email, password: "wrong" }, stranger())).toBeNull();
    expect(await authenticate({ email: "nobody@staff.test", password }, stranger())).toBeNull();
    expect(await authenticate(disabled, stranger())).toBeNull();
    expect(await authenticate({ email }, stranger())).toBeNull();
  });
});

describe("counting attempts", () => {
  it("counts every one of 20 wrong passwords sent at the same moment, before checking any: only the first 10 are checked", async () => {
    const { email, password } = await account();
    verified.calls = 0;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate({ email, password: `guess ${i}` }, stranger())));
    expect(results.every((result) => result === null)).toBe(true);
    expect((await signInCounts(email, network())).untrusted).toBe(20);
    expect(verified.calls).toBe(UNTRUSTED_LIMIT);
    // The account's unknown clients are paused: the right password from a new device is refused.
    expect(await authenticate({ email, password }, stranger())).toBeNull();
  });

  it(`pauses unknown clients of an account after ${UNTRUSTED_LIMIT} attempts, whatever networks they come from`, async () => {
    const { email, password } = await account();
    for (let i = 0; i < UNTRUSTED_LIMIT; i++) expect(await authenticate({ email, password: `guess ${i}` }, stranger())).toBeNull();
    expect(await authenticate({ email, password }, stranger())).toBeNull();
  });

  it("gives a success its own attempt back, without wiping the failures before it", async () => {
    const { email, password } = await account();
    for (let i = 0; i < UNTRUSTED_LIMIT - 1; i++) await authenticate({ email, password: "wrong" }, stranger());
    expect(await authenticate({ email, password }, stranger())).not.toBeNull();
    expect((await signInCounts(email, network())).untrusted).toBe(UNTRUSTED_LIMIT - 1);
    await authenticate({ email, password: "wrong" }, stranger());
    expect(await authenticate({ email, password }, stranger())).toBeNull();
  });

  it(`pauses a network after ${NETWORK_LIMIT} attempts, whichever accounts it tries; other networks and known devices go on`, async () => {
    const address = network();
    const { email, password } = await account();
    const device = await ownDevice(email);
    for (let i = 0; i < NETWORK_LIMIT; i++) await authenticate({ email: `nobody-${randomUUID().slice(0, 6)}@staff.test`, password: "x" }, { network: address });
    expect((await signInCounts(email, address)).network).toBe(NETWORK_LIMIT);
    expect(await authenticate({ email, password }, { network: address })).toBeNull();
    expect(await authenticate({ email, password }, stranger())).toMatchObject({ email });
    expect(await authenticate({ email, password }, { network: address, deviceCookie: device })).toMatchObject({ email });
  });
});

describe("device cookies (a flood slows strangers, not the owner)", () => {
  it("lets the owner in on their own browser while strangers' wrong passwords have paused the account", async () => {
    const { email, password } = await account();
    const device = await ownDevice(email);
    await Promise.all(Array.from({ length: UNTRUSTED_LIMIT + 10 }, (_, i) => authenticate({ email, password: `guess ${i}` }, stranger())));
    expect(await authenticate({ email, password }, stranger())).toBeNull();
    const signedIn = await authenticate({ email, password }, onDevice(device));
    expect(signedIn).toMatchObject({ email });
    // A fresh cookie each time, which works as well.
    expect(await authenticate({ email, password }, onDevice(signedIn!.deviceCookie))).toMatchObject({ email });
  });

  it(`counts a known device's failures on that device alone, and pauses it after ${DEVICE_LIMIT}`, async () => {
    const { email, password } = await account();
    const tired = await ownDevice(email);
    const other = await ownDevice(email);
    for (let i = 0; i < DEVICE_LIMIT; i++) expect(await authenticate({ email, password: `typo ${i}` }, onDevice(tired))).toBeNull();
    expect((await signInCounts(email, network())).untrusted).toBe(0); // the unknown clients' count is untouched
    // Strangers now pause the unknown clients; the paused device counts as one of them, the other device does not.
    for (let i = 0; i < UNTRUSTED_LIMIT; i++) await authenticate({ email, password: `guess ${i}` }, stranger());
    expect(await authenticate({ email, password }, onDevice(tired))).toBeNull();
    expect(await authenticate({ email, password }, onDevice(other))).toMatchObject({ email });
  });

  it("treats a forged, altered or another account's device cookie as no cookie at all", async () => {
    const { email, password } = await account();
    const someoneElse = await account();
    const theirs = await ownDevice(someoneElse.email);
    const mine = await ownDevice(email);
    const [version, login, issued, nonce, mac] = mine.split(".");
    const forged = [
      theirs,
      [version, Buffer.from(email).toString("base64url"), issued, nonce, theirs.split(".")[4]].join("."),
      [version, login, issued, `${nonce!.slice(0, -1)}${nonce!.endsWith("A") ? "B" : "A"}`, mac].join("."),
      [version, login, String(Number(issued) - 400 * 24 * 60 * 60), nonce, mac].join("."),
      "d1.x.y.z.w",
      "",
    ];
    for (let i = 0; i < UNTRUSTED_LIMIT; i++) await authenticate({ email, password: `guess ${i}` }, stranger());
    for (const cookie of forged) expect(await authenticate({ email, password }, onDevice(cookie)), cookie).toBeNull();
    expect(await authenticate({ email, password }, onDevice(mine))).toMatchObject({ email });
  });
});

describe("telling the admins", () => {
  it("writes one audit entry when an account's unknown clients are paused, however many attempts follow at once", async () => {
    const { id, email } = await account();
    await Promise.all(Array.from({ length: UNTRUSTED_LIMIT + 15 }, (_, i) => authenticate({ email, password: `guess ${i}` }, stranger())));
    const entries = await throttledEntries(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: null, actorEmail: null, details: { accountId: id, email, limit: UNTRUSTED_LIMIT, minutes: 15 } });
    expect(JSON.stringify(entries[0])).not.toMatch(/guess|198\.51\.100/);
    await authenticate({ email, password: "one more" }, stranger());
    expect(await throttledEntries(id)).toHaveLength(1);
  });

  it("writes none for an address that is no account, nor before the limit", async () => {
    const nobody = `nobody-${randomUUID().slice(0, 8)}@staff.test`;
    for (let i = 0; i < UNTRUSTED_LIMIT + 2; i++) await authenticate({ email: nobody, password: "x" }, stranger());
    const { id, email } = await account();
    for (let i = 0; i < UNTRUSTED_LIMIT; i++) await authenticate({ email, password: "x" }, stranger());
    expect(await throttledEntries(id)).toHaveLength(0);
    expect(await db().auditEntry.count({ where: { action: "account.sign-in-throttled", details: { path: ["email"], equals: nobody } } })).toBe(0);
  });
});

describe("timing", () => {
  it("answers a paused attempt after about as long as a wrong password takes", async () => {
    const { email } = await account();
    const time = async (client: SignInClient, password: string) => {
      const started = performance.now();
      expect(await authenticate({ email, password }, client)).toBeNull();
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const wrong: number[] = [];
    for (let i = 0; i < UNTRUSTED_LIMIT; i++) wrong.push(await time(stranger(), `guess ${i}`));
    const paused: number[] = [];
    for (let i = 0; i < 7; i++) paused.push(await time(stranger(), `guess ${i}`));
    expect(median(paused)).toBeGreaterThan(median(wrong) * 0.4);
    expect(median(paused)).toBeLessThan(median(wrong) * 3 + 50);
  });
});
