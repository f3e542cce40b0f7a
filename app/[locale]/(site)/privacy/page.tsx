import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Privacy"))("title") };
}

const SECTIONS = ["stored", "why", "public", "contact", "withdraw", "keep"] as const;

export default async function PrivacyPage() {
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
