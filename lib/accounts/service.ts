import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import type { NewAccount } from "@/lib/accounts/schema";

// Used by the command line (`npm run admin:create`, the first start with ADMIN_EMAIL/ADMIN_PASSWORD),
// outside Next, so it takes a connection URL rather than the app's client.

export class AccountExistsError extends Error {}

export async function createAccountWithUrl(databaseUrl: string, account: NewAccount): Promise<{ id: number }> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    const existing = await prisma.adminUser.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) throw new AccountExistsError(`An account for ${account.email} already exists.`);
    return await prisma.$transaction(async (tx) => {
      const user = await tx.adminUser.create({
        data: { email: account.email, name: account.name, role: account.role, passwordHash: await hashPassword(account.password) },
        select: { id: true },
      });
      await tx.auditEntry.create({ data: { action: "account.create", details: { email: account.email, role: account.role, via: "command line" } } });
      return user;
    });
  } finally {
    await prisma.$disconnect();
  }
}
