import { getTranslations } from "next-intl/server";

/** Shown while the vote record loads. */
export async function VoteRecordSkeleton() {
  const t = await getTranslations("Campaign");
  return (
    <div aria-busy="true">
      <p role="status" className="loading">
        {t("loading")}
      </p>
      <div className="skeleton skeleton-block" aria-hidden="true" />
      <div className="skeleton skeleton-text" aria-hidden="true" />
    </div>
  );
}
