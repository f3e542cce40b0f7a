import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaff } from "@/lib/auth/session";

export const metadata: Metadata = { robots: { index: false } };

// The layout is not the check: each page, action and route calls requireStaff/requireAdmin itself.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  return (
    <div className="admin">
      <AdminNav staff={staff} />
      <div className="container admin-main">{children}</div>
    </div>
  );
}
