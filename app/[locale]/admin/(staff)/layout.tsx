import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireStaffForTwoFactorSetup } from "@/lib/auth/session";

export const metadata: Metadata = { robots: { index: false } };

// The layout is not the check: each page, action and route calls requireStaff/requireAdmin itself.
// It also wraps the account page where an admin without required two-factor sign-in is sent, so it
// must not send them there itself (requireStaff would, in a loop).
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffForTwoFactorSetup();
  return (
    <div className="admin">
      <AdminNav staff={staff} />
      <div className="container admin-main">{children}</div>
    </div>
  );
}
