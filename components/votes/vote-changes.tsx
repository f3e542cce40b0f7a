import { getTranslations } from "next-intl/server";
import { changesBetween, type Stage } from "@/lib/votes/results";

/** Countries whose established vote changed between the first and the last stage. */
export async function VoteChanges({ earlier, later }: { earlier: Stage; later: Stage }) {
  const t = await getTranslations("Votes");
  const changes = changesBetween(earlier, later);
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="changes-heading" className="vote-changes">
      <h3 id="changes-heading">{t("changesHeading")}</h3>
      <p>{t("changesIntro")}</p>
      <ul>
        {changes.map((change) => (
          <li key={change.iso3}>
            {t("changeRow", { name: change.name, from: t(`voteShort.${change.from}`), to: t(`voteShort.${change.to}`) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
