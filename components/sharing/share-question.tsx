import { getTranslations } from "next-intl/server";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ThanksResult } from "@/lib/paths";
import { answerShareQuestionAction } from "@/lib/sharing/ask-actions";

type Props = { slug: string; result: ThanksResult; referral: string | null; canWrite: boolean };

/**
 * Asks before showing the share options (people who say they will share, share more): "yes" shows them,
 * "no" leads to the letters to the targets. A plain form posting a server action: it works without
 * JavaScript.
 */
export async function ShareQuestion({ slug, result, referral, canWrite }: Props) {
  const t = await getTranslations("Petition.thanks.ask");
  return (
    <section aria-labelledby="share-question" className="share-question">
      <h2 id="share-question">{t("heading")}</h2>
      <p>{t("body")}</p>
      <form action={answerShareQuestionAction} className="button-row">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="result" value={result} />
        {referral && <input type="hidden" name="ref" value={referral} />}
        <SubmitButton variant="primary" name="answer" value="share" label={t("share")} pending={t("pending")} />
        <SubmitButton variant="secondary" name="answer" value="write" label={canWrite ? t("write") : t("notNow")} pending={t("pending")} />
      </form>
    </section>
  );
}
