import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { changeOwnPassword } from "@/lib/accounts/password-service";
import { setAccountEnabled } from "@/lib/accounts/admin-service";
import { authOptions } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import { getStaff } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createStaff } from "@/lib/test/factories";

// Sessions are JWTs: these tests stand in for the cookie (what getServerSession would decode from it)
// and go through the real callbacks, events and services that give, check and end its version.

const session = vi.hoisted(() => ({ current: null as null | { user: { id?: string; sessionVersion?: number } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
// What next-auth's route handler gives authorize(): cookies() of the request being handled.
const jar = vi.hoisted(() => ({ set: [] as { name: string; value: string; options: Record<string, unknown> }[] }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string, options: Record<string, unknown>) => jar.set.push({ name, value, options }) }),
}));

const PASSWORD = "correct horse battery staple";

beforeAll(() => {
  process.env.NEXTAUTH_SECRET ??= "a secret for the session tests, long enough";
});
beforeEach(() => {
  session.current = null;
  jar.set = [];
});

type Token = { sub?: string; sessionVersion?: number };

/** Signs in through the provider's authorize() and the jwt callback, as next-auth's route does. */
async function signIn(email: string, password = PASSWORD): Promise<Token> {
  const provider = authOptions.providers[0] as unknown as { options: { authorize: (credentials: unknown, req: unknown) => Promise<{ id: string; sessionVersion?: number } | null> } };
  const user = await provider.options.authorize({ email, password }, { headers: {} });
  if (!user) throw new Error("sign-in refused");
  return (await authOptions.callbacks!.jwt!({ token: {}, user: user as never, account: null } as never)) as Token;
}

/** What getServerSession gives the app for a cookie holding `token` (the session callback's result). */
async function useToken(token: Token): Promise<void> {
  session.current = (await authOptions.callbacks!.session!({ session: { user: {}, expires: "" }, token, user: undefined } as never)) as never;
}

async function staffWithPassword(role: "ADMIN" | "MODERATOR" = "MODERATOR") {
  const email = `${randomUUID().slice(0, 8)}@staff.test`;
  const user = await db().adminUser.create({ data: { email, role, passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name: null, role, twoFactor: false };
}

const signOut = (token: Token) => authOptions.events!.signOut!({ token } as never);
const versionOf = async (id: number) => (await db().adminUser.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("signing in", () => {
  it("puts the account's session version into the token and the session, and sets the device cookie on the response", async () => {
    const staff = await staffWithPassword();
    await db().adminUser.update({ where: { id: staff.id }, data: { sessionVersion: 3 } });
    const token = await signIn(staff.email);
    expect(token).toMatchObject({ sub: String(staff.id), sessionVersion: 3 });
    await useToken(token);
    expect(session.current).toMatchObject({ user: { id: String(staff.id), sessionVersion: 3 } });
    expect(await getStaff()).toMatchObject({ id: staff.id });

    // Over http (tests, local development) its name is plain; HttpOnly, SameSite=Lax, a year.
    expect(jar.set).toHaveLength(1);
    expect(jar.set[0]).toMatchObject({ name: "advocate.device", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false, maxAge: 365 * 24 * 60 * 60 } });
    expect(jar.set[0]!.value.split(".")).toHaveLength(5);
  });

  it("sets no cookie when the sign-in fails", async () => {
    const staff = await staffWithPassword();
    await expect(signIn(staff.email, "wrong")).rejects.toThrow("sign-in refused");
    expect(jar.set).toEqual([]);
  });
});

describe("ending sessions at once", () => {
  it("signing out ends every session of the account, on every device; an ended token cannot sign out again", async () => {
    const staff = await staffWithPassword();
    const laptop = await signIn(staff.email);
    const phone = await signIn(staff.email);
    await useToken(phone);
    expect(await getStaff()).toMatchObject({ id: staff.id });

    await signOut(laptop);
    expect(await versionOf(staff.id)).toBe(1);
    await useToken(laptop);
    expect(await getStaff()).toBeNull();
    await useToken(phone);
    expect(await getStaff()).toBeNull();

    // A copy of the ended token signs nobody out (else it could keep its owner signed out).
    const fresh = await signIn(staff.email);
    await signOut(phone);
    expect(await versionOf(staff.id)).toBe(1);
    await useToken(fresh);
    expect(await getStaff()).toMatchObject({ id: staff.id });
  });

  it("takes a token without a version (issued before versions existed) as version 0, until the first raise", async () => {
    const staff = await createStaff();
    await useToken({ sub: String(staff.id) });
    expect(await getStaff()).toMatchObject({ id: staff.id });
    await signOut({ sub: String(staff.id) });
    expect(await getStaff()).toBeNull();
  });

  it("a password change ends every session, this one included", async () => {
    const staff = await staffWithPassword();
    const token = await signIn(staff.email);
    await changeOwnPassword(staff, { currentPassword: PASSWORD, newPassword: "purple elephant marmalade 47" });
    await useToken(token);
    expect(await getStaff()).toBeNull();
    await useToken(await signIn(staff.email, "purple elephant marmalade 47"));
    expect(await getStaff()).toMatchObject({ id: staff.id });
  });

  it("disabling an account ends its sessions for good: re-enabling it does not bring them back", async () => {
    const admin = await staffWithPassword("ADMIN");
    const staff = await staffWithPassword();
    const token = await signIn(staff.email);
    await setAccountEnabled(admin, staff.id, false);
    await useToken(token);
    expect(await getStaff()).toBeNull();
    await setAccountEnabled(admin, staff.id, true);
    expect(await getStaff()).toBeNull();
    expect(await versionOf(staff.id)).toBe(1);
  });

  it("a session of another account's version, or of no account, is no session", async () => {
    const staff = await createStaff();
    await useToken({ sub: String(staff.id), sessionVersion: 1 });
    expect(await getStaff()).toBeNull();
    await useToken({ sub: "2000000000", sessionVersion: 0 });
    expect(await getStaff()).toBeNull();
    await useToken({});
    expect(await getStaff()).toBeNull();
  });
});
