import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("Loading");
  return (
    <div className="container" aria-busy="true">
      <p className="loading" role="status">
        {t("label")}
      </p>
    </div>
  );
}
