import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The layers are enforced by lint (eslint.config.mjs, docs/decisions/024): these files are linted as
// if they stood at the given paths in the tree, with the project's own configuration, and each one
// that breaks a layer must fail with the layers' rule; the allowed directions must not.

const RULE = "import/no-restricted-paths";
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

describe("the layers, enforced by lint", () => {
  it("fails a component that imports from app/", async () => {
    const errors = await layerErrors("components/petition/fake.tsx", `import RootLayout from "@/app/[locale]/layout";\nexport const x = RootLayout;\n`);
    expect(errors).toEqual([expect.stringContaining("components/ is below app/")]);
  });

  it("fails lib/ code that imports a component or a page, by alias or by relative path", async () => {
    expect(await layerErrors("lib/petition/fake.ts", `import { Link } from "@/components/ui/link";\nexport const x = Link;\n`)).toEqual([expect.stringContaining("lib/ is below app/ and components/")]);
    expect(await layerErrors("lib/petition/fake.ts", `import { GET } from "../../app/api/ping/route";\nexport const x = GET;\n`)).toEqual([expect.stringContaining("lib/ is below app/ and components/")]);
  });

  it("fails a page, a component or proxy.ts that reaches the database client", async () => {
    const message = expect.stringContaining("Only lib/ reaches the database");
    expect(await layerErrors("app/[locale]/(site)/fake/page.tsx", `import { db } from "@/lib/db";\nexport const x = db;\n`)).toEqual([message]);
    expect(await layerErrors("components/admin/fake.tsx", `import { Prisma } from "../../lib/generated/prisma/client";\nexport const x = Prisma;\n`)).toEqual([message]);
    expect(await layerErrors("proxy.ts", `import { db } from "@/lib/db";\nexport const x = db;\n`)).toEqual([message]);
  });

  it("lets each layer import the ones below it, and lib/ reach the database", async () => {
    expect(await layerErrors("app/[locale]/(site)/fake/page.tsx", `import { Link } from "@/components/ui/link";\nimport { paths } from "@/lib/paths";\nexport const x = [Link, paths];\n`)).toEqual([]);
    expect(await layerErrors("components/petition/fake.tsx", `import { paths } from "@/lib/paths";\nexport const x = paths;\n`)).toEqual([]);
    expect(await layerErrors("lib/petition/fake.ts", `import { db } from "@/lib/db";\nexport const x = db;\n`)).toEqual([]);
    // A lib/ test may call the route it tests.
    expect(await layerErrors("lib/campaigns/fake.test.ts", `import { GET } from "@/app/api/campaigns/[slug]/route";\nexport const x = GET;\n`)).toEqual([]);
  });

  it("fails a lib/ test that imports a component: tests stand in their layer too", async () => {
    expect(await layerErrors("lib/petition/fake.test.ts", `import { Link } from "@/components/ui/link";\nexport const x = Link;\n`)).toEqual([expect.stringContaining("lib/ is below components/")]);
  });

  it("allows one way to link: Next's Link only through components/ui, next-intl's navigation nowhere", async () => {
    const rule = "@typescript-eslint/no-restricted-imports";
    const errorsOf = async (filePath: string, code: string) => {
      const [result] = await eslint.lintText(code, { filePath });
      return result!.messages.filter((message) => message.ruleId === rule).map((message) => message.message);
    };
    expect(await errorsOf("components/petition/fake.tsx", `import Link from "next/link";\nexport const x = Link;\n`)).toEqual([expect.stringContaining("LocaleLink")]);
    expect(await errorsOf("app/[locale]/admin/fake/page.tsx", `import { Link } from "next-intl/navigation";\nexport const x = Link;\n`)).toEqual([expect.stringContaining("components/ui/link")]);
    // The wrapper itself, and the link's pending state (a named hook, not the component), may.
    expect(await errorsOf("components/ui/locale-link.tsx", `import NextLink from "next/link";\nexport const x = NextLink;\n`)).toEqual([]);
    expect(await errorsOf("components/ui/fake.tsx", `import { useLinkStatus } from "next/link";\nexport const x = useLinkStatus;\n`)).toEqual([]);
  });
});
