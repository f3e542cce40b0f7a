import "server-only";
import { db } from "@/lib/db";

export type TwoFactorState = "on" | "pending" | "off";

/** Each account's two-factor state, for the accounts page. The caller checks that the reader is an admin. */
export async function twoFactorStates(): Promise<Map<number, TwoFactorState>> {
  const rows = await db().adminUser.findMany({ select: { id: true, totpEnabledAt: true, totpSecret: true } });
  return new Map(rows.map((row) => [row.id, row.totpEnabledAt ? "on" : row.totpSecret ? "pending" : "off"]));
}
