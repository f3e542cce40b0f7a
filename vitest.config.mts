import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // `server-only` throws outside React Server Components; in tests the modules run on the server anyway.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "lib/test/empty-module.ts") },
    ],
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["./lib/test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // next-intl's navigation imports "next/navigation" without an extension, which Node's ESM loader
    // cannot resolve; run it through Vite instead.
    server: { deps: { inline: ["next-intl"] } },
  },
});
