import "@/lib/test/next-async-storage";
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { UNTRUSTED_LIMIT } from "@/lib/auth/throttle";
import { db } from "@/lib/db";

// The real sign-in route: app/api/auth/[...nextauth]/route.ts run by Next's own app-route module (the
// request store that makes cookies() writable, and the step that adds its cookies to the handler's
// response) and next-auth's own handler: what a browser's sign-in and sign-out go through, minus HTTP
// and proxy.ts. Over http the cookies have their plain names.

const ORIGIN = "http://localhost:3000";
const PASSWORD = "correct horse battery staple";

type RouteModule = { handle(request: NextRequest, context: unknown): Promise<Response> };
let route: RouteModule;

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET ??= "a secret for the sign-in route tests, long enough";
  process.env.NEXTAUTH_URL = ORIGIN;
  const { AppRouteRouteModule } = (await import("next/dist/server/route-modules/app-route/module.js" as string)) as { AppRouteRouteModule: new (options: unknown) => RouteModule };
  const userland = await import("@/app/api/auth/[...nextauth]/route");
  route = new AppRouteRouteModule({
    userland: () => userland,
    definition: { kind: "APP_ROUTE", page: "/api/auth/[...nextauth]/route", pathname: "/api/auth/[...nextauth]", filename: "route", bundlePath: "app/api/auth/[...nextauth]/route" },
    distDir: ".next",
    relativeProjectDir: "",
    resolvedPagePath: "app/api/auth/[...nextauth]/route.ts",
    nextConfigOutput: undefined,
  });
});

/** A browser: keeps the cookies the route sets, sends them back. */
class Browser {
  cookies = new Map<string, { value: string; attributes: string }>();

  async call(path: string, form?: Record<string, string>): Promise<Response> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([name, { value }]) => `${name}=${value}`).join("; "), origin: ORIGIN };
    if (form) headers["content-type"] = "application/x-www-form-urlencoded";
    const request = new NextRequest(`${ORIGIN}${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined });
    const nextauth = path.replace(/^\/api\/auth\//, "").split("?")[0]!.split("/");
    const response = await route.handle(request, { params: { nextauth }, renderOpts: { experimental: {}, supportsDynamicResponse: true }, sharedContext: { buildId: "test" }, prerenderManifest: { routes: {}, dynamicRoutes: {}, preview: {} } });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1);
      if (value === "" || /max-age=0\b/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, { value, attributes: attributes.join(";").trim() });
    }
    return response;
  }

  async csrf(): Promise<string> {
    return ((await (await this.call("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(email: string, password: string): Promise<boolean> {
    await this.call("/api/auth/callback/credentials", { csrfToken: await this.csrf(), email, password, json: "true" });
    const session = (await (await this.call("/api/auth/session")).json()) as { user?: { email?: string } };
    return session.user?.email === email;
  }

  async signOut(): Promise<void> {
    await this.call("/api/auth/signout", { csrfToken: await this.csrf(), json: "true" });
  }
}

async function account() {
  const email = `${randomUUID().slice(0, 8)}@staff.test`;
  const user = await db().adminUser.create({ data: { email, role: "MODERATOR", passwordHash: await hashPassword(PASSWORD) } });
  return { id: user.id, email };
}

describe("the sign-in route", () => {
  it("sets the device cookie (HttpOnly, SameSite=Lax, a year) beside the session cookie on a successful sign-in, and none on a failed one", async () => {
    const { email } = await account();
    const failed = new Browser();
    expect(await failed.signIn(email, "wrong")).toBe(false);
    expect(failed.cookies.has("advocate.device")).toBe(false);
    expect(failed.cookies.has("next-auth.session-token")).toBe(false);

    const browser = new Browser();
    expect(await browser.signIn(email, PASSWORD)).toBe(true);
    expect(browser.cookies.has("next-auth.session-token")).toBe(true);
    const device = browser.cookies.get("advocate.device");
    expect(device?.value).toMatch(/^d1\./);
    expect(device?.attributes).toMatch(/HttpOnly/);
    expect(device?.attributes).toMatch(/SameSite=lax/i);
    expect(device?.attributes).toMatch(/Path=\//);
    expect(device?.attributes).toMatch(/Max-Age=31536000/);
  });

  it("lets the browser that carries the cookie in while strangers have paused the account's unknown clients", async () => {
    const { email } = await account();
    const owner = new Browser();
    expect(await owner.signIn(email, PASSWORD)).toBe(true);
    await owner.signOut();
    expect(owner.cookies.has("next-auth.session-token")).toBe(false);
    expect(owner.cookies.has("advocate.device")).toBe(true); // signing out keeps the device known

    for (let i = 0; i < UNTRUSTED_LIMIT; i++) expect(await new Browser().signIn(email, `guess ${i}`)).toBe(false);
    expect(await new Browser().signIn(email, PASSWORD)).toBe(false);
    expect(await owner.signIn(email, PASSWORD)).toBe(true);
  });

  it("puts the session version into the session, and signing out ends every session of the account", async () => {
    const { id, email } = await account();
    const laptop = new Browser();
    const phone = new Browser();
    expect(await laptop.signIn(email, PASSWORD)).toBe(true);
    expect(await phone.signIn(email, PASSWORD)).toBe(true);
    expect(await (await phone.call("/api/auth/session")).json()).toMatchObject({ user: { id: String(id), sessionVersion: 0 } });

    await laptop.signOut();
    expect((await db().adminUser.findUniqueOrThrow({ where: { id } })).sessionVersion).toBe(1);
    // The phone still holds a well-formed token, but of an ended version: getStaff() refuses it
    // (lib/auth/session-version.test.ts); its next sign-in carries the new version.
    expect(await (await phone.call("/api/auth/session")).json()).toMatchObject({ user: { sessionVersion: 0 } });
    expect(await phone.signIn(email, PASSWORD)).toBe(true);
    expect(await (await phone.call("/api/auth/session")).json()).toMatchObject({ user: { sessionVersion: 1 } });
  });
});
