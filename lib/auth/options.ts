import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authCookies } from "@/lib/auth/cookies";
import { authenticate } from "@/lib/auth/login";
import { requestLog } from "@/lib/log";
import { siteUrl } from "@/lib/site-url";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "unknown";
}

/**
 * Staff sign in with email and password, plus a code from their authenticator app when they have
 * turned two-factor sign-in on. Every failure, for whatever reason (unknown account, wrong
 * password, disabled account, throttled), looks the same to the caller.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/admin/login", error: "/admin/login" },
  // Secure, HttpOnly, SameSite=Lax, `__Host-` on https (lib/auth/cookies.ts; proxy.ts uses the same names).
  cookies: authCookies(siteUrl()),
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(credentials, req) {
        // next-auth puts an exception's message into the redirect URL: never throw from here.
        try {
          const user = await authenticate(credentials, clientAddress(req?.headers as Record<string, unknown> | undefined));
          return user ? { id: String(user.id), email: user.email, name: user.name } : null;
        } catch (error) {
          (await requestLog()).error("auth: sign-in failed", { error });
          return null;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries only the account id: the role and whether the account is enabled are read
    // from the database on every request (lib/auth/session.ts), so changes apply at once.
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub } };
    },
  },
};
