import "server-only";
import { db } from "@/lib/db";

export type AccountRow = {
  id: number;
  email: string;
  name: string | null;
  role: "ADMIN" | "MODERATOR";
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
};

/** Every staff account, enabled ones first. The caller checks that the reader is an admin. */
export async function listAccounts(): Promise<AccountRow[]> {
  return db().adminUser.findMany({
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lastLoginAt: true, createdAt: true },
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
  });
}
