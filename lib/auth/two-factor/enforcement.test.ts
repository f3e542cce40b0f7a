import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { initialFormState } from "@/lib/forms/state";
import { db } from "@/lib/db";
import { createStaff } from "@/lib/test/factories";
import { adminPageFiles, PUBLIC_ACTION_MODULES, sourceFiles } from "@/lib/test/source-files";

// REQUIRE_ADMIN_TOTP=true: an admin without two-factor sign-in may only set it up. Every admin page
// and server action, found by walking the code as lib/auth/authorization.test.ts does, is called as
// such an admin: each must send them to their account page, except that page and its own actions.

const ROOT = process.cwd();
const SET_UP_PAGE = "app/[locale]/admin/(staff)/accounts/me/page.tsx";
const SET_UP_ACTIONS = "lib/auth/two-factor/actions.ts";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, { has: () => true, rich: (key: string) => key });
  return { getTranslations: async () => t, getLocale: async () => "en", getFormatter: async () => ({ dateTime: String, number: String }), getMessages: async () => ({}) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const adminPages = adminPageFiles();
const actionModules = sourceFiles("lib", (f) => /\.tsx?$/.test(f) && !f.includes("generated") && /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8"))).filter(
  (f) => !PUBLIC_ACTION_MODULES.has(f),
);
const adminRoutes = sourceFiles("app/[locale]/admin", (f) => f.endsWith("route.ts"));
const modulePath = (rel: string) => `@/${rel.replace(/\.tsx?$/, "")}`;
const fakeParams = (rel: string) => Object.fromEntries([...rel.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], "1"]));
const pageProps = (page: string) => ({ params: Promise.resolve(fakeParams(page)), searchParams: Promise.resolve({}) });

async function outcomeOf(call: () => unknown): Promise<string> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    const digest = String((error as { digest?: string })?.digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    return `error ${digest || (error as Error).message}`;
  }
}

let adminWithout: number;
let adminWith: number;
let moderator: number;
const as = (id: number) => ({ user: { id: String(id) } });

beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  process.env.TOTP_ENCRYPTION_KEY = "a key for the enforcement tests";
  adminWithout = (await createStaff("ADMIN")).id;
  adminWith = (await createStaff("ADMIN")).id;
  moderator = (await createStaff("MODERATOR")).id;
  await db().adminUser.update({ where: { id: adminWith }, data: { totpSecret: "not-read-here", totpEnabledAt: new Date() } });
  process.env.REQUIRE_ADMIN_TOTP = "true";
});
afterAll(() => {
  delete process.env.REQUIRE_ADMIN_TOTP;
  session.current = null;
});

describe("REQUIRE_ADMIN_TOTP=true", () => {
  it("finds the pages, routes and actions", () => {
    expect(adminPages).toContain(SET_UP_PAGE);
    expect(adminRoutes.length).toBeGreaterThan(0);
    expect(actionModules).toContain(SET_UP_ACTIONS);
  });

  it.each(adminPages.filter((page) => page !== SET_UP_PAGE))("sends an admin without two-factor from %s to set it up", async (page) => {
    const { default: Page } = await import(/* @vite-ignore */ modulePath(page));
    session.current = as(adminWithout);
    expect(await outcomeOf(() => Page(pageProps(page)))).toBe("redirect /en/admin/accounts/me");
  });

  it.each(adminRoutes)("refuses the route %s to an admin without two-factor", async (route) => {
    const handlers = await import(/* @vite-ignore */ modulePath(route));
    session.current = as(adminWithout);
    for (const method of ["GET", "POST"].filter((name) => typeof handlers[name] === "function")) {
      const outcome = await outcomeOf(async () => {
        const response: Response = await handlers[method](new Request(`http://localhost/${route}`, { method }), { params: Promise.resolve(fakeParams(route)) });
        throw Object.assign(new Error(), { digest: `NEXT_REDIRECT;replace;${response.headers.get("location") ?? `status ${response.status}`}` });
      });
      expect(`${method}: ${outcome}`).toBe(`${method}: redirect /en/admin/accounts/me`);
    }
  });

  it.each(actionModules.filter((file) => file !== SET_UP_ACTIONS))("refuses the server actions of %s to an admin without two-factor", async (file) => {
    const actions = Object.entries(await import(/* @vite-ignore */ modulePath(file))).filter(([, value]) => typeof value === "function") as [string, (...args: unknown[]) => unknown][];
    expect(actions.length).toBeGreaterThan(0);
    session.current = as(adminWithout);
    for (const [name, action] of actions) {
      const args = action.length >= 3 ? [1, {}, new FormData()] : action.length === 2 ? [{}, new FormData()] : [new FormData()];
      expect(`${name}: ${await outcomeOf(() => action(...args))}`).toBe(`${name}: redirect /en/admin/accounts/me`);
    }
  });

  it("lets that admin open the set-up page and start setting up", async () => {
    session.current = as(adminWithout);
    const { default: Page } = await import(/* @vite-ignore */ modulePath(SET_UP_PAGE));
    expect(await outcomeOf(() => Page(pageProps(SET_UP_PAGE)))).toBe("allowed");
    const { startTwoFactorSetupAction } = await import("@/lib/auth/two-factor/actions");
    expect(await startTwoFactorSetupAction(initialFormState(), new FormData())).toMatchObject({ formError: null });
    expect((await db().adminUser.findUniqueOrThrow({ where: { id: adminWithout } })).totpSecret).not.toBeNull();
  });

  it("does not stop admins who have it, nor moderators (for whom it stays optional)", async () => {
    const { default: Dashboard } = await import("@/app/[locale]/admin/(staff)/page");
    for (const id of [adminWith, moderator]) {
      session.current = as(id);
      expect(await outcomeOf(() => Dashboard())).toBe("allowed");
    }
  });
});
