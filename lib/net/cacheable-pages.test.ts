import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isCacheablePage, PAGE_CACHE_CONTROL, PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/net/cacheable-pages";

// Every page of the app says whether a shared cache may hold it, and the list proxy.ts follows
// (lib/net/cacheable-pages.ts) agrees: a page cached by Next but not in the list would be rendered
// with a nonce nobody else gets; a page in the list but per visitor would be served to strangers.

const APP = path.join(process.cwd(), "app");

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pages(full);
    return entry.name === "page.tsx" ? [full] : [];
  });
}

/** The path a page answers within its language, with made-up values for its parameters. */
function examplePath(file: string): string {
  const segments = path
    .relative(path.join(APP, "[locale]"), path.dirname(file))
    .split(path.sep)
    .filter((segment) => segment && !segment.startsWith("("));
  const values = segments.map((segment) => (segment.startsWith("[...") ? "a/b" : segment.startsWith("[") ? "x1" : segment));
  return `/${values.join("/")}`;
}

describe("which pages a shared cache may hold", () => {
  const all = pages(path.join(APP, "[locale]"));

  it("finds the pages", () => {
    expect(all.length).toBeGreaterThan(20);
  });

  for (const file of all) {
    const route = examplePath(file);
    it(`${route}: cacheable in the list exactly when its segment config says so`, () => {
      const source = readFileSync(file, "utf8");
      const cached = /^export const revalidate = (\d+);$/m.exec(source);
      if (cached) {
        expect(Number(cached[1])).toBe(PAGE_REVALIDATE_SECONDS);
        expect(source).toMatch(/^export const dynamic = "error";$/m);
        expect(source).toMatch(/^export const generateStaticParams = \(\) => \[\];$/m);
        expect(source).not.toMatch(/searchParams|cookies\(|headers\(|connection\(/);
        expect(isCacheablePage("GET", route)).toBe(true);
      } else {
        expect(source).toMatch(/^export const dynamic = "force-dynamic";$/m);
        expect(isCacheablePage("GET", route)).toBe(false);
      }
    });
  }

  it("never for a form's post, and never for the thank-you, token or admin pages", () => {
    expect(isCacheablePage("POST", "/c/x")).toBe(false);
    expect(isCacheablePage("HEAD", "/c/x")).toBe(true);
    for (const route of ["/c/x/thanks", "/embed/x/thanks", "/confirm/t", "/withdraw/t", "/my-data/t", "/admin", "/admin/login", "/dev/outbox", "/c/x/qr/svg"]) {
      expect(isCacheablePage("GET", route), route).toBe(false);
    }
  });

  it("tells a shared cache what Next.js keeps: 4 s fresh, never older than 10 s", () => {
    expect(PAGE_CACHE_CONTROL).toBe(`public, max-age=0, s-maxage=${PAGE_REVALIDATE_SECONDS}, stale-while-revalidate=${PAGE_EXPIRE_SECONDS - PAGE_REVALIDATE_SECONDS}`);
    const config = readFileSync(path.join(process.cwd(), "next.config.js"), "utf8");
    expect(config).toMatch(new RegExp(`expireTime: ${PAGE_EXPIRE_SECONDS},`));
    expect(PAGE_EXPIRE_SECONDS).toBeLessThanOrEqual(10);
  });
});
