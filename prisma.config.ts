import { defineConfig } from "prisma/config";

// `env()` from prisma/config throws when the variable is unset (a fresh clone's postinstall runs
// `prisma generate` with no database): fall back to a placeholder that is never connected to.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/placeholder" },
});
