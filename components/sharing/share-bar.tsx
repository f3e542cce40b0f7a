import { getTranslations } from "next-intl/server";
import { CopyLink } from "@/components/sharing/copy-link";
import { shareLinks, type ShareTarget } from "@/lib/sharing/links";

const TARGETS: ShareTarget[] = ["whatsapp", "x", "facebook", "email"];

/** Plain share links (no third-party scripts) and the campaign's link to copy. */
export async function ShareBar({ url, title }: { url: string; title: string }) {
  const t = await getTranslations("Petition.share");
  const links = shareLinks({ url, text: t("text", { title }), subject: title });
  return (
    <section aria-labelledby="share-heading" className="share-bar">
      <h2 id="share-heading">{t("heading")}</h2>
      <ul className="share-links">
        {TARGETS.map((target) => (
          <li key={target}>
            <a href={links[target]} className={`share share-${target}`} target={target === "email" ? undefined : "_blank"} rel="noopener noreferrer">
              {t(target)}
            </a>
          </li>
        ))}
      </ul>
      <CopyLink url={url} />
    </section>
  );
}
