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
    // Components never touch the database; only lib/ does (conventions.md).
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/db", message: "Call a query or service in lib/<domain> instead." }] }],
      // The password check (zxcvbn and its ~1 MB of dictionaries) runs on the server only. It cannot be
      // marked "server-only" because the command line uses it (lib/auth/password-strength.ts).
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/accounts/schema", allowTypeImports: true, message: "Import its types only: its password check must stay out of the browser. Roles are in @/lib/accounts/roles." },
            { name: "@/lib/auth/password-strength", message: "Server-side only: check passwords in a server action." },
          ],
          patterns: [{ group: ["@zxcvbn-ts/*"], message: "Server-side only: check passwords in a server action." }],
        },
      ],
    },
  },
]);
