import type { MetadataRoute } from "next";
import { LOCALES } from "@/lib/i18n/locales";
import { localised, paths } from "@/lib/paths";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

/**
 * Links from emails (confirm, withdraw, a signer's own data), thank-you pages, the developer outbox
 * and the admin are not for search engines. Every page lives under its language (/en/…, /ur/…), and
 * a rule matches from the start of the path, so each rule is written for each language; the paths
 * without a language only redirect, and are listed too.
 */
const PRIVATE_PATHS = [paths.admin(), "/confirm/", "/withdraw/", "/my-data/", "/dev/", "/c/*/thanks", "/embed/*/thanks"];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: [...PRIVATE_PATHS, ...LOCALES.flatMap((locale) => PRIVATE_PATHS.map((path) => localised(locale, path))), "/api/auth/"],
    },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
