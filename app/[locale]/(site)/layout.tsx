import { SiteFrame } from "@/components/ui/site-chrome";

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
