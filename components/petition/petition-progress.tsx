import { getTranslations } from "next-intl/server";
import type { PetitionProgress as Progress } from "@/lib/petition/queries";

export async function PetitionProgress({ progress }: { progress: Progress }) {
  const t = await getTranslations("Petition.progress");
  const ratio = progress.goal > 0 ? Math.min(progress.confirmed / progress.goal, 1) : 0;
  return (
    <div className="progress">
      <p id="progress-label" className="visually-hidden">
        {t("label")}
      </p>
      <p className="progress-count">
        <strong data-testid="confirmed-count">{t("count", { count: progress.confirmed })}</strong> <span className="muted">{t("goal", { goal: progress.goal })}</span>
      </p>
      <div className="progress-bar" role="progressbar" aria-labelledby="progress-label" aria-valuemin={0} aria-valuemax={progress.goal} aria-valuenow={Math.min(progress.confirmed, progress.goal)} aria-valuetext={t("percent", { percent: ratio })}>
        <span style={{ inlineSize: `${ratio * 100}%` }} />
      </div>
    </div>
  );
}
