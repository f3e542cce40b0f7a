import { getTranslations } from "next-intl/server";

type Props = {
  namespace: "Petition.confirm" | "Petition.withdraw";
  title: string;
  /** The body text, or the problem with the link. */
  message: string;
  problem: boolean;
  form?: { action: (formData: FormData) => Promise<void>; token: string; button: string };
};

/**
 * The page a mailed link opens. Opening it changes nothing: only the button (a POST) acts, so mail
 * scanners that follow links cannot confirm or withdraw anything.
 */
export async function TokenPage({ namespace, title, message, problem, form }: Props) {
  const t = await getTranslations(namespace);
  return (
    <div className="container narrow">
      <h1>{t("title")}</h1>
      <p className={problem ? "notice" : "lead"} role={problem ? "alert" : undefined}>
        {message}
      </p>
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
