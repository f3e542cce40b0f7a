import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authCookies } from "@/lib/auth/cookies";
import { deviceCookieFromHeaders, rememberDevice } from "@/lib/auth/device-cookie";
import { authenticate } from "@/lib/auth/login";
import { signOutEverywhere } from "@/lib/auth/session-version";
import { requestLog } from "@/lib/log";
import { clientAddressFromRecord } from "@/lib/net/client-address";
import { siteUrl } from "@/lib/site-url";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

declare module "next-auth" {
  interface User {
    /** The account's session version when it signed in (lib/auth/session-version.ts). */
    sessionVersion?: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
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
          const headers = req?.headers as Record<string, unknown> | undefined;
          const user = await authenticate(credentials, { network: clientAddressFromRecord(headers), deviceCookie: deviceCookieFromHeaders(headers) });
          if (!user) return null;
          // Sign-in succeeds even if the cookie cannot be set: the browser then stays an unknown client.
          await rememberDevice(user.deviceCookie).catch(async (error: unknown) => (await requestLog()).error("auth: the device cookie could not be set", { error }));
          return { id: String(user.id), email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        } catch (error) {
          (await requestLog()).error("auth: sign-in failed", { error });
          return null;
        }
      },
    }),
  ],
  callbacks: {
    // The token carries the account id and the session version it was issued under: the role,
    // whether the account is enabled and whether the version is still current are read from the
    // database on every request (lib/auth/session.ts), so changes apply at once.
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, sessionVersion: token.sessionVersion } };
    },
  },
  events: {
    // Signing out ends every session of the account, not just this browser's cookie (a copied
    // token would otherwise stay valid for up to SESSION_MAX_AGE_SECONDS).
    async signOut({ token }) {
      try {
        await signOutEverywhere(token?.sub, token?.sessionVersion);
      } catch (error) {
        (await requestLog()).error("auth: ending the sessions at sign-out failed", { error });
      }
    },
  },
};
