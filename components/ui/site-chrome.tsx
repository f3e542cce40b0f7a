import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { paths } from "@/lib/paths";

export async function SiteHeader() {
  const t = await getTranslations("Site");
  return (
    <header className="site-header">
      <div className="container">
        <Link href={paths.home()} className="site-name">
          {t("name")}
        </Link>
        <span className="site-tagline">{t("tagline")}</span>
      </div>
    </header>
  );
}

export async function SiteFooter() {
  const t = await getTranslations("Site");
  return (
    <footer className="site-footer">
      <div className="container">
        <p>{t("footer")}</p>
      </div>
    </footer>
  );
}
