import { withAuth } from "next-auth/middleware";

// Convenience only: sends anonymous visitors of the admin to the login page early. The real checks
// are in every admin page, action and route (lib/auth/session.ts).
export default withAuth({ pages: { signIn: "/admin/login" } });

export const config = { matcher: ["/admin", "/admin/((?!login).*)"] };
