import { getLocale, getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";
import { LETTER_LIMITS, type LetterText } from "@/lib/letters/letter";
import type { PublicTarget } from "@/lib/letters/queries";
import { localised, paths } from "@/lib/paths";

type Props = {
  slug: string;
  target: PublicTarget;
  /** The suggested letter, already addressed to this target. */
  letter: LetterText;
  /** The language of the letter (the reader's) and of the target's name and role (the campaign's). */
  letterLocale: string;
  targetLocale: string;
};

/**
 * One target and the letter to it, to read and edit. A plain form posting to the letter route, which
 * answers with a mailto: link: it works the same with and without JavaScript, and the browser's own
 * checks (required, maxlength) stop an empty or overlong letter before it leaves.
 */
export async function LetterForm({ slug, target, letter, letterLocale, targetLocale }: Props) {
  const [t, locale] = await Promise.all([getTranslations("Letters"), getLocale()]);
  const id = `letter-${target.id}`;
  return (
    <section aria-labelledby={`${id}-heading`} className="letter">
      <h2 id={`${id}-heading`} lang={targetLocale}>
        {target.name}
      </h2>
      <p lang={targetLocale}>{target.role}</p>
      {target.email ? (
        <p className="small">
          {t("address")} <span dir="ltr">{target.email}</span>{" "}
          <span className="muted">
            ({t("source")} <span lang={targetLocale}>{target.contactSource}</span>)
          </span>
        </p>
      ) : (
        <p className="small">{t("noAddress")}</p>
      )}
      <form method="post" action={localised(locale, paths.letter(slug, target.id))} className="sign-form">
        <Field id={`${id}-subject`} label={t("subject")}>
          <input id={`${id}-subject`} name="subject" type="text" defaultValue={letter.subject} maxLength={LETTER_LIMITS.subject} required lang={letterLocale} dir="auto" />
        </Field>
        <Field id={`${id}-body`} label={t("body")} hint={t("bodyHint")}>
          <textarea id={`${id}-body`} name="body" rows={14} defaultValue={letter.body} maxLength={LETTER_LIMITS.body} required lang={letterLocale} dir="auto" aria-describedby={`${id}-body-hint`} />
        </Field>
        <button type="submit" className="button button-primary">
          {t("open")}
          <span className="visually-hidden"> {t("openTo", { name: target.name })}</span>
        </button>
        <p className="small">{t("noApp")}</p>
      </form>
    </section>
  );
}
