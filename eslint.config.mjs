import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", ".tmp/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    // next.config.js is CommonJS: the project's package type is not "module".
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The layers (conventions.md, docs/decisions/024): app -> components -> lib, never upwards, and
    // only lib reaches the database client. Checked on the resolved file, so "@/…" and "../…" imports
    // alike; e2e/, scripts/ and bench/ stand outside and may use any layer. A lib/ test may import the
    // route or page it tests (lib/**/*.test.ts, below), as the tests of the public API and the export do.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/**/*.test.ts", "lib/**/*.test.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: ["./app", "./components"], message: "lib/ is below app/ and components/: pass what it needs as arguments." },
            { target: "./components", from: "./app", message: "components/ is below app/: move the shared piece into components/ or lib/." },
            {
              target: ["./app", "./components", "./proxy.ts"],
              from: ["./lib/db.ts", "./lib/generated"],
              message: "Only lib/ reaches the database: call a query or service in lib/<domain> instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // A lib/ test stands in lib/'s layer too: it may import the page or route it tests (app/), never a
    // component, and app/ and components/ have no tests of their own (they would fall under the rule above).
    files: ["lib/**/*.test.ts", "lib/**/*.test.tsx"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: [{ target: "./lib", from: "./components", message: "lib/ is below components/: a lib/ test tests lib/ (or the page or route it serves), not a component." }] },
      ],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      // The password check (zxcvbn and its ~1 MB of dictionaries) runs on the server only. It cannot be
      // marked "server-only" because the command line uses it (lib/auth/password-strength.ts).
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/accounts/schema", allowTypeImports: true, message: "Import its types only: its password check must stay out of the browser. Roles are in @/lib/accounts/roles." },
            { name: "@/lib/auth/password-strength", message: "Server-side only: check passwords in a server action." },
            // One way to link (decision 026): a path from lib/paths, the language added by the link.
            { name: "next/link", importNames: ["default"], message: "Link to a page with Link (components/ui/link) in a server component, LocaleLink (components/ui/locale-link) in a client one." },
          ],
          patterns: [
            { group: ["@zxcvbn-ts/*"], message: "Server-side only: check passwords in a server action." },
            { group: ["next-intl/navigation", "@/i18n/navigation"], message: "Link with components/ui/link; redirect with redirect(await here(path)) (lib/navigation.ts)." },
          ],
        },
      ],
    },
  },
  {
    // The one place that wraps Next's Link.
    files: ["components/ui/locale-link.tsx"],
    rules: { "@typescript-eslint/no-restricted-imports": "off" },
  },
]);
