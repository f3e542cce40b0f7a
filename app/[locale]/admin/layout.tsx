import { SiteFrame } from "@/components/ui/site-chrome";

export default function AdminLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
