import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { initialFormState } from "@/lib/forms/state";
import { changePasswordAction, type PasswordChangeState } from "@/lib/accounts/password-actions";
import { changeOwnPassword } from "@/lib/accounts/password-service";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { SESSION_CHECK_LIMIT } from "@/lib/auth/throttle";
import { db } from "@/lib/db";

// A staff member changing their own password: the service against the real database, and the
// server action as the form posts it (the session and the translations stood in for).

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, { has: () => true });
  return { getTranslations: async () => t, getLocale: async () => "en" };
});

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "purple elephant marmalade 47";

afterEach(() => {
  session.current = null;
});

async function staff() {
  const email = `${randomUUID().slice(0, 8)}@staff.test`;
  const user = await db().adminUser.create({ data: { email, role: "MODERATOR", passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email, name: null };
}

const row = (id: number) => db().adminUser.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });
const audits = (id: number) => db().auditEntry.findMany({ where: { action: "account.password-change", details: { path: ["accountId"], equals: id } } });

describe("changing one's own password (service)", () => {
  it("needs the current password, stores the new one hashed, ends every session and is audited without either password", async () => {
    const me = await staff();
    await changeOwnPassword(me, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    const after = await row(me.id);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after.sessionVersion).toBe(1);
    const [entry, ...more] = await audits(me.id);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ actorId: me.id, actorEmail: me.email, details: { accountId: me.id, email: me.email } });
    expect(JSON.stringify(entry)).not.toMatch(/horse|elephant|argon2/);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const me = await staff();
    const before = await row(me.id);
    await expect(changeOwnPassword(me, { currentPassword: "not it", newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "currentWrong" });
    expect(await row(me.id)).toEqual(before);
    expect(await audits(me.id)).toHaveLength(0);
  });

  it(`counts every try before checking it: after ${SESSION_CHECK_LIMIT} wrong ones (even at once), the right one is refused too`, async () => {
    const me = await staff();
    const before = await row(me.id);
    const tries = await Promise.allSettled(Array.from({ length: SESSION_CHECK_LIMIT }, (_, i) => changeOwnPassword(me, { currentPassword: `guess ${i}`, newPassword: NEW_PASSWORD })));
    expect(tries.every((result) => result.status === "rejected")).toBe(true);
    await expect(changeOwnPassword(me, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).rejects.toMatchObject({ code: "currentWrong" });
    expect(await row(me.id)).toEqual(before);
  });
});

describe("the password form's server action", () => {
  const initial: PasswordChangeState = initialFormState();
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  const digestOf = async (call: Promise<unknown>) => String(((await call.then(() => null, (error: unknown) => error)) as { digest?: string } | null)?.digest ?? "");

  it("sends a signed-out caller to sign in, before reading the form", async () => {
    expect(await digestOf(changePasswordAction(initial, form({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })))).toContain("/admin/login");
  });

  it("answers each field's problem next to it, and changes nothing", async () => {
    const me = await staff();
    session.current = { user: { id: String(me.id) } };
    const before = await row(me.id);
    const errors = async (fields: Record<string, string>) => (await changePasswordAction(initial, form(fields))).fieldErrors;
    expect(await errors({ currentPassword: "", newPassword: "short", confirmPassword: "other" })).toEqual({
      currentPassword: "errors.currentRequired",
      newPassword: "errors.passwordTooShort",
      confirmPassword: "errors.mismatch",
    });
    expect(await errors({ currentPassword: PASSWORD, newPassword: "password1234", confirmPassword: "password1234" })).toEqual({ newPassword: "errors.passwordCommon" });
    expect(await errors({ currentPassword: PASSWORD, newPassword: "qwertyuiop123", confirmPassword: "qwertyuiop123" })).toEqual({ newPassword: "errors.passwordWeak" });
    expect(await errors({ currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD })).toEqual({ newPassword: "errors.passwordUnchanged" });
    expect(await errors({ currentPassword: "not it", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })).toEqual({ currentPassword: "errors.currentWrong" });
    const state = await changePasswordAction({ ...initial, attempt: 4 }, form({}));
    expect(state).toMatchObject({ formError: "errors.fixBelow", attempt: 5 });
    expect(await row(me.id)).toEqual(before);
  });

  it("changes the password and sends the staff member to sign in again, with a notice", async () => {
    const me = await staff();
    session.current = { user: { id: String(me.id) } };
    const digest = await digestOf(changePasswordAction(initial, form({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD })));
    expect(digest).toContain("/en/admin/login?notice=password-changed");
    expect(await verifyPassword((await row(me.id)).passwordHash, NEW_PASSWORD)).toBe(true);
  });
});
