import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/auth/password";
import { isLoginBlocked, recordLoginFailure, recordLoginSuccess } from "@/lib/auth/throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(1000) });

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  return first || "unknown";
}

/**
 * Staff sign in with email and password. Every failure, for whatever reason (unknown account, wrong
 * password, disabled account, throttled), looks the same to the caller.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 15 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/admin/login", error: "/admin/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        // next-auth puts an exception's message into the redirect URL: never throw from here.
        try {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const ip = clientAddress(req?.headers as Record<string, unknown> | undefined);
          if (await isLoginBlocked(email, ip)) return null;
          const user = await db().adminUser.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true } });
          const ok = await verifyPassword(user?.passwordHash ?? null, password);
          if (!user || !ok || user.disabledAt) {
            await recordLoginFailure(email, ip);
            return null;
          }
          await recordLoginSuccess(email);
          await db().adminUser.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
          return { id: String(user.id), email: user.email, name: user.name };
        } catch (error) {
          console.error("auth: sign-in failed:", error instanceof Error ? error.message : error);
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
