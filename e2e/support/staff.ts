import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { APIRequestContext } from "@playwright/test";
import { withDb } from "./db";
import { baseURL } from "./env";

export type Staff = { email: string; password: string; role: "ADMIN" | "MODERATOR" };

/** A staff account made directly in the database (as `npm run admin:create` would). */
export async function createStaff(role: Staff["role"]): Promise<Staff> {
  const staff = { email: `${role.toLowerCase()}-${randomUUID().slice(0, 8)}@staff.test`, password: `pw-${randomUUID()}`, role };
  const passwordHash = await hash(staff.password);
  await withDb((client) =>
    client.query(`INSERT INTO "AdminUser" (email, "passwordHash", role, "updatedAt") VALUES ($1, $2, $3, now())`, [staff.email, passwordHash, role]),
  );
  return staff;
}

/** Signs in through next-auth's API (the page's cookies are shared with `request`). */
export async function signInByApi(request: APIRequestContext, staff: Staff): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: staff.email, password: staff.password, json: "true" },
    // As a browser's sign-in does: proxy.ts refuses state-changing requests without the site's Origin.
    headers: { Origin: baseURL },
    maxRedirects: 0,
  });
  if (response.status() >= 400) throw new Error(`sign-in failed: ${response.status()}`);
}
