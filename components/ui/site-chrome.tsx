import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/ui/language-switcher";
import { isLocale } from "@/lib/i18n/locales";
import { paths } from "@/lib/paths";

/** The public site's and the admin's frame: skip link, header, the page's main region, footer. */
export async function SiteFrame({ children }: { children: React.ReactNode }) {
  const [t, locale] = await Promise.all([getTranslations("Site"), getLocale()]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="site-header">
        <div className="container">
          <Link href={paths.home()} className="site-name">
            {t("name")}
          </Link>
          <span className="site-tagline">{t("tagline")}</span>
          {isLocale(locale) && <LanguageSwitcher current={locale} label={t("languages")} />}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer")}</p>
        </div>
      </footer>
    </>
  );
}
