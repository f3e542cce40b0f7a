import { getTranslations } from "next-intl/server";

/** The copy-paste HTML for other sites, in a read-only field (selectable by keyboard), and a preview link. */
export async function EmbedSnippet({ snippet, previewUrl, open }: { snippet: string; previewUrl: string; open: boolean }) {
  const t = await getTranslations("AdminReach");
  return (
    <section aria-labelledby="embed-heading">
      <h2 id="embed-heading">{t("embedHeading")}</h2>
      <p>{t("embedIntro")}</p>
      {!open && <p className="notice">{t("embedDraft")}</p>}
      <label htmlFor="embed-snippet">{t("embedLabel")}</label>
      <textarea id="embed-snippet" className="code" readOnly rows={12} value={snippet} />
      <p className="small">{t("embedSource")}</p>
      <p>
        <a href={previewUrl} target="_blank" rel="noopener">
          {t("embedPreview")}
        </a>
      </p>
    </section>
  );
}
