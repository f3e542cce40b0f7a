import { SiteFrame } from "@/components/ui/site-chrome";
import { pageLocale } from "@/lib/i18n/page-locale";

export default async function SiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  return <SiteFrame>{children}</SiteFrame>;
}
