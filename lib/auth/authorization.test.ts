import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createCampaign, createSignatures, createStaff } from "@/lib/test/factories";
import { adminPageFiles, PUBLIC_ACTION_MODULES, sourceFiles } from "@/lib/test/source-files";

// Every admin page, server action and route handler, found by walking the code (not a hand-kept
// list), is called as an anonymous visitor and as a moderator. Each must refuse by itself: the
// layout and proxy.ts are not called here, so a page that relied on them would fail this test.
//
// The rules, from the product: the public site (app/ outside admin, lib/petition) is open; moderators
// may use the dashboard, the signature list and detail, the audit log, the integrity tools,
// lib/moderation's actions and their own account page (two-factor sign-in, password);
// everything else in the admin is for admins only, and so is any page outside it that reads the
// development mail outbox (its mails hold working confirmation and withdrawal links).

const ROOT = process.cwd();
const PUBLIC_ROUTES = new Set([
  "app/api/health/route.ts",
  "app/api/ping/route.ts", // the benchmark's baseline: answers "ok", reads nothing
  "app/api/auth/[...nextauth]/route.ts",
  "app/api/altcha/challenge/route.ts",
  "app/api/campaigns/[slug]/route.ts",
  "app/api/campaigns/[slug]/series/route.ts",
  "app/[locale]/(site)/my-data/[token]/download/route.ts", // the token in the signer's mail is the credential
  "app/[locale]/(site)/c/[slug]/qr/[format]/route.ts",
  "app/[locale]/(site)/share-image/route.ts", // the site's card: its name and tagline
  "app/[locale]/(site)/c/[slug]/share-image/route.ts",
  "app/[locale]/(site)/c/[slug]/country/[iso3]/share-image/route.ts",
  "app/[locale]/(site)/c/[slug]/vote-map/[stage]/route.ts",
  "app/fonts/[file]/route.ts", // the Urdu web font: a file of the bundled package, nothing else
  "app/[locale]/(site)/c/[slug]/write/[target]/route.ts", // a signer's letter, answered with a mailto: link; counted, not kept
  "app/api/unsubscribe/[token]/route.ts", // one-click unsubscribe: the signed token in the mail is the credential
]);
const MODERATOR_PAGES = /^app\/\[locale\]\/admin\/\(staff\)\/(page\.tsx|signatures\/page\.tsx|signatures\/\[id\]\/page\.tsx|audit\/page\.tsx|integrity\/page\.tsx|accounts\/me\/page\.tsx|campaigns\/\[id\]\/report\/page\.tsx)$/;
// lib/auth/two-factor/actions.ts and lib/accounts/password-actions.ts: every staff member's own
// two-factor sign-in and password (they act on the session's account only).
const MODERATOR_ACTION_MODULES = /^lib\/(moderation\/|auth\/two-factor\/actions\.ts$|accounts\/password-actions\.ts$)/;

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("next-auth", async (original) => ({ ...(await original<object>()), getServerSession: async () => session.current }));
// Outside a Next request these need its runtime; they are not what is under test.
vi.mock("next-intl/server", () => {
  const t = Object.assign((key: string) => key, { has: () => true, rich: (key: string) => key });
  return { getTranslations: async () => t, getLocale: async () => "en", getFormatter: async () => ({ dateTime: String, number: String }) };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// connection() (opting a page out of prerendering) needs a Next request.
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => undefined }));


const adminPages = adminPageFiles();
// Pages outside the admin that read the mail outbox (found by what they import).
const outboxPages = sourceFiles("app", (f) => f.endsWith("page.tsx") && !f.startsWith("app/[locale]/admin") && /@\/lib\/email\/outbox["']/.test(readFileSync(path.join(ROOT, f), "utf8")));
const routes = sourceFiles("app", (f) => f.endsWith("route.ts")).filter((f) => !PUBLIC_ROUTES.has(f));
const actionModules = sourceFiles("lib", (f) => /\.tsx?$/.test(f) && !f.includes("generated") && /^\s*["']use server["']/.test(readFileSync(path.join(ROOT, f), "utf8"))).filter(
  (f) => !PUBLIC_ACTION_MODULES.has(f),
);

type Outcome = "login" | "forbidden" | "other";
function refusal(error: unknown): Outcome {
  const digest = String((error as { digest?: string })?.digest ?? "");
  if (digest.startsWith("NEXT_REDIRECT") && digest.includes("/admin/login")) return "login";
  if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
  return "other";
}
async function outcomeOf(call: () => unknown): Promise<Outcome | "allowed"> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    return refusal(error);
  }
}
function responseOutcome(response: Response): Outcome | "allowed" {
  if (response.status === 401 || (response.status >= 300 && response.status < 400 && (response.headers.get("location") ?? "").includes("/admin/login"))) return "login";
  if (response.status === 403) return "forbidden";
  return "allowed";
}

const modulePath = (rel: string) => `@/${rel.replace(/\.tsx?$/, "")}`;
const fakeParams = (rel: string) => Object.fromEntries([...rel.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], "1"]));

let formData: FormData;
let moderatorId: number;
let adminId: number;
let targetId: number;
let snapshot: () => Promise<unknown>;

beforeAll(async () => {
  process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
  const campaign = await createCampaign();
  const [signature] = await createSignatures(campaign.id, [{ status: "CONFIRMED", comment: "hello" }]);
  moderatorId = (await createStaff("MODERATOR")).id;
  adminId = (await createStaff("ADMIN")).id;
  targetId = campaign.id;
  // Fields most forms post, with real ids, so that an action missing its check would really act.
  formData = new FormData();
  for (const [key, value] of Object.entries({ id: String(signature!.id), ids: String(signature!.id), action: "delete", reason: "test", scope: "selected", step: "apply", campaignId: String(campaign.id), email: "intruder@example.org", role: "ADMIN", password: "a-long-enough-password", title: "Hacked", slug: "hacked", goal: "1", locale: "ur", summary: "Hacked", statement: "Hacked", confirm: "yes" })) {
    formData.set(key, value);
  }
  // What an action that skipped its check would change: only this test's own rows (other test files
  // write to the same database at the same time).
  const signatureId = signature!.id;
  snapshot = async () => [
    await db().signature.findUnique({ where: { id: signatureId }, select: { status: true, commentHidden: true } }),
    await db().campaign.findUnique({ where: { id: campaign.id }, select: { title: true, slug: true, status: true, goal: true } }),
    await db().campaign.count({ where: { slug: "hacked" } }),
    await db().adminUser.count({ where: { email: "intruder@example.org" } }),
    await db().adminUser.findUnique({ where: { id: moderatorId }, select: { role: true, disabledAt: true } }),
    await db().voteStage.count({ where: { campaignId: campaign.id } }),
    await db().campaignTranslation.count({ where: { campaignId: campaign.id } }),
    await db().auditEntry.count({ where: { OR: [{ campaignId: campaign.id }, { actorId: moderatorId }, { signatureIds: { has: signatureId } }] } }),
  ];
});
afterAll(() => {
  session.current = null;
});

describe("found in the code", () => {
  it("finds the admin pages, routes and action modules", () => {
    expect(adminPages.length).toBeGreaterThanOrEqual(4);
    expect(actionModules).toContain("lib/moderation/actions.ts");
  });
});

describe.each(adminPages)("page %s", (page) => {
  it("sends anonymous visitors to the login page, and refuses moderators where only admins may go", async () => {
    const { default: Page } = await import(/* @vite-ignore */ modulePath(page));
    const props = { params: Promise.resolve(fakeParams(page)), searchParams: Promise.resolve({}) };
    session.current = null;
    expect(await outcomeOf(() => Page(props))).toBe("login");
    session.current = { user: { id: String(moderatorId) } };
    const asModerator = await outcomeOf(() => Page(props));
    if (MODERATOR_PAGES.test(page)) expect(asModerator).not.toMatch(/login|forbidden/);
    else expect(asModerator).toBe("forbidden");
  });
});

describe("the development mail outbox", () => {
  it("is found in the code", () => {
    expect(outboxPages).toContain("app/[locale]/(site)/dev/outbox/page.tsx");
  });

  it.each(outboxPages)("%s opens to signed-in admins only", async (page) => {
    const { default: Page } = await import(/* @vite-ignore */ modulePath(page));
    const props = { params: Promise.resolve(fakeParams(page)), searchParams: Promise.resolve({}) };
    session.current = null;
    expect(await outcomeOf(() => Page(props))).toBe("login");
    session.current = { user: { id: String(moderatorId) } };
    expect(await outcomeOf(() => Page(props))).toBe("forbidden");
    session.current = { user: { id: String(adminId) } };
    expect(await outcomeOf(() => Page(props))).toBe("allowed");
  });
});

describe.each(routes)("route %s", (route) => {
  it("refuses anonymous callers and moderators", async () => {
    const handlers = await import(/* @vite-ignore */ modulePath(route));
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((method) => typeof handlers[method] === "function");
    expect(methods.length).toBeGreaterThan(0);
    for (const method of methods) {
      const call = async () => responseOutcome(await handlers[method](new Request(`http://localhost/${route}`, { method }), { params: Promise.resolve(fakeParams(route)) }));
      for (const [who, expected] of [[null, "login"], [{ user: { id: String(moderatorId) } }, "forbidden"]] as const) {
        session.current = who;
        let outcome: Outcome | "allowed";
        try {
          outcome = await call();
        } catch (error) {
          outcome = refusal(error);
        }
        expect(`${method} as ${who ? "moderator" : "anonymous"}: ${outcome}`).toBe(`${method} as ${who ? "moderator" : "anonymous"}: ${expected}`);
      }
    }
  });
});

describe.each(actionModules)("server actions of %s", (file) => {
  it("refuse anonymous callers (and moderators where only admins may act) before changing anything", async () => {
    const actions = Object.entries(await import(/* @vite-ignore */ modulePath(file))).filter(([, value]) => typeof value === "function") as [string, (...args: unknown[]) => unknown][];
    expect(actions.length).toBeGreaterThan(0);
    const roles: [string, typeof session.current, Outcome | null][] = [
      ["anonymous", null, "login"],
      ["moderator", { user: { id: String(moderatorId) } }, MODERATOR_ACTION_MODULES.test(file) ? null : "forbidden"],
    ];
    for (const [name, action] of actions) {
      // (formData), (previousState, formData), or with a bound id first: (id, previousState, formData).
      const args = action.length >= 3 ? [targetId, {}, formData] : action.length === 2 ? [{}, formData] : [formData];
      for (const [who, current, expected] of roles) {
        if (expected === null) continue;
        session.current = current;
        const before = await snapshot();
        expect(`${name} as ${who}: ${await outcomeOf(() => action(...args))}`).toBe(`${name} as ${who}: ${expected}`);
        expect(await snapshot()).toEqual(before);
      }
    }
  });
});
