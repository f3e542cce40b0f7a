import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { paths } from "@/lib/paths";

export default async function Forbidden() {
  const t = await getTranslations("Admin.forbidden");
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p>
        <Link href={paths.admin()}>{t("back")}</Link>
      </p>
    </div>
  );
}
