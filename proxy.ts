import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { isFlooding } from "@/lib/petition/flood-gate";

// Two jobs, neither of them authorization:
// - the admin: anonymous visitors are sent to the login page early (the real checks are in every
//   admin page, action and route, lib/auth/session.ts);
// - the signing form: a network flooding a campaign gets HTTP 429 before the action runs.
const adminRedirect = withAuth({ pages: { signIn: "/admin/login" } });

const CAMPAIGN_PAGE = /^\/c\/([^/]+)$/;

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/admin")) return adminRedirect(request as NextRequestWithAuth, event);
  const campaign = CAMPAIGN_PAGE.exec(pathname);
  if (request.method === "POST" && campaign) {
    try {
      if (await isFlooding(decodeURIComponent(campaign[1]!), request.headers)) {
        return new NextResponse("Too many signatures from your network. Please try again in a few minutes.", {
          status: 429,
          headers: { "Retry-After": "60", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
        });
      }
    } catch (error) {
      // The gate is a first line only: if it cannot count, the action's own limits still apply.
      console.error("proxy: flood gate failed:", error instanceof Error ? error.message : error);
    }
  }
  return NextResponse.next();
}

export const config = { matcher: ["/admin", "/admin/((?!login).*)", "/c/:slug"] };
