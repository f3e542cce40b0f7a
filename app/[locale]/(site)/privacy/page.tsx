import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { pageLocale } from "@/lib/i18n/page-locale";
import { alternates, paths } from "@/lib/paths";
import { siteShareMetadata } from "@/lib/sharing/share-cards";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const locale = await pageLocale(params);
  const t = await getTranslations("Privacy");
  return {
    title: t("title"),
    alternates: alternates(locale, paths.privacy()),
    ...siteShareMetadata(locale, { title: t("title"), description: t("intro"), path: paths.privacy() }),
  };
}

// Cached and shared (lib/net/cacheable-pages.ts): rendered at most every 5 s per language; never per visitor.
export const revalidate = 4;
export const dynamic = "error";
export const generateStaticParams = () => [];

const SECTIONS = ["stored", "why", "public", "contact", "letters", "withdraw", "keep"] as const;

export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  await pageLocale(params);
  const t = await getTranslations("Privacy");
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`${section}Heading`)}</h2>
          <p>{t(section)}</p>
        </section>
      ))}
    </div>
  );
}
