import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { paths } from "@/lib/paths";

export default async function NotFound() {
  const t = await getTranslations("NotFound");
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href={paths.home()}>{t("home")}</Link>
      </p>
    </div>
  );
}
