import { getTranslations } from "next-intl/server";
import { DetailsList } from "@/components/ui/details-list";

type Props = {
  namespace: "Petition.confirm" | "Petition.withdraw";
  title: string;
  /** The body text, or the problem with the link. */
  message: string;
  problem: boolean;
  form?: { action: (formData: FormData) => Promise<void>; token: string; button: string };
  /** What the button acts on, shown above it: label and value pairs, and a note. */
  details?: { heading: string; rows: { label: string; value: string }[]; note: string };
};

/**
 * The page a mailed link opens. Opening it changes nothing: only the button (a POST) acts, so mail
 * scanners that follow links cannot confirm or withdraw anything.
 */
export async function TokenPage({ namespace, title, message, problem, form, details }: Props) {
  const t = await getTranslations(namespace);
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      <p className={problem ? "notice" : "lead"} role={problem ? "alert" : undefined}>
        {message}
      </p>
      {details && (
        <section aria-labelledby="token-details">
          <h2 id="token-details">{details.heading}</h2>
          <DetailsList rows={details.rows.map((row) => [row.label, row.value])} />
          <p className="small">{details.note}</p>
        </section>
      )}
      {form && (
        <form action={form.action}>
          <input type="hidden" name="token" value={form.token} />
          <button type="submit" className="button button-primary">
            {form.button}
          </button>
        </form>
      )}
      <p className="muted small">{title}</p>
    </div>
  );
}
