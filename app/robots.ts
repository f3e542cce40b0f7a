import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

// Links from emails (confirm, withdraw), thank-you pages and the admin are not for search engines.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/confirm/", "/withdraw/", "/dev/", "/api/auth/", "/c/*/thanks"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
