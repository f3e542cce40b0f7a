import { getTranslations } from "next-intl/server";
import { CopyLink } from "@/components/sharing/copy-link";
import { NativeShare } from "@/components/sharing/native-share";
import { paths } from "@/lib/paths";
import { SHARE_TARGETS, shareLinks } from "@/lib/sharing/links";

/** Plain share links (no third-party scripts), the phone's own share sheet, the link to copy, a QR code. */
export async function ShareBar({ url, title, slug }: { url: string; title: string; slug: string }) {
  const t = await getTranslations("Petition.share");
  const links = shareLinks({ url, text: t("text", { title }), subject: title });
  return (
    <section aria-labelledby="share-heading" className="share-bar">
      <h2 id="share-heading">{t("heading")}</h2>
      <ul className="share-links">
        {SHARE_TARGETS.map((target) => (
          <li key={target}>
            <a href={links[target]} className={`share share-${target}`} target={target === "email" ? undefined : "_blank"} rel="noopener noreferrer">
              {t(target)}
            </a>
          </li>
        ))}
      </ul>
      <NativeShare url={url} title={title} text={t("text", { title })} />
      <CopyLink url={url} />
      <p className="small">
        {t("qr")} <a href={paths.campaignQr(slug, "svg")} download>{t("qrSvg")}</a> · <a href={paths.campaignQr(slug, "png")} download>{t("qrPng")}</a>
      </p>
    </section>
  );
}
