import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { MAX_FAILURES } from "@/lib/auth/throttle";

const ip = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 4)}`;

async function account(options: { disabled?: boolean } = {}) {
  const email = `${randomUUID().slice(0, 8)}@staff.test`;
  const password = "correct horse battery staple";
  await db().adminUser.create({ data: { email, role: "ADMIN", passwordHash: await hashPassword(password), disabledAt: options.disabled ? new Date() : null } });
  return { email, password };
}

describe("staff sign-in", () => {
  it("accepts the right password, in any letter case of the email", async () => {
    const { email, password } = await account();
    expect(await authenticate({ email: ` ${email.toUpperCase()} `, password }, ip())).toMatchObject({ email });
  });

  it("gives the same answer for a wrong password, an unknown account and a disabled account", async () => {
    const { email, password } = await account();
    const disabled = await account({ disabled: true });
    expect(await authenticate({ email, password: "wrong" }, ip())).toBeNull();
    expect(await authenticate({ email: "nobody@staff.test", password }, ip())).toBeNull();
    expect(await authenticate(disabled, ip())).toBeNull();
    expect(await authenticate({ email }, ip())).toBeNull();
  });

  it(`pauses an account after ${MAX_FAILURES} failures, even with the right password and from another address`, async () => {
    const { email, password } = await account();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await authenticate({ email, password: `guess ${i}` }, ip())).toBeNull();
    expect(await authenticate({ email, password }, ip())).toBeNull();
  });

  it(`pauses an address after ${MAX_FAILURES} failures, whichever accounts it tries`, async () => {
    const address = ip();
    for (let i = 0; i < MAX_FAILURES; i++) await authenticate({ email: `nobody-${i}@staff.test`, password: "x" }, address);
    const { email, password } = await account();
    expect(await authenticate({ email, password }, address)).toBeNull();
    expect(await authenticate({ email, password }, ip())).toMatchObject({ email });
  });

  it("clears an account's failures when it signs in", async () => {
    const { email, password } = await account();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate({ email, password: "wrong" }, ip());
    expect(await authenticate({ email, password }, ip())).not.toBeNull();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await authenticate({ email, password: "wrong" }, ip());
    expect(await authenticate({ email, password }, ip())).not.toBeNull();
  });
});
