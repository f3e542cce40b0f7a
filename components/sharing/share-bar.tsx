import { getLocale, getTranslations } from "next-intl/server";
import { CopyLink } from "@/components/sharing/copy-link";
import { copyLinkWords } from "@/components/sharing/copy-link-words";
import { NativeShare } from "@/components/sharing/native-share";
import { localised, paths } from "@/lib/paths";
import { SHARE_TARGETS, shareLinks } from "@/lib/sharing/links";

type Props = {
  url: string;
  title: string;
  slug: string;
  /** The link is the signer's own (it carries their referral code): say so. */
  personal?: boolean;
  /** Shared by someone who signed ("I signed: …") rather than by a visitor ("Sign the petition: …"). */
  signed?: boolean;
};

/** Plain share links (no third-party scripts), the phone's own share sheet, the link to copy, a QR code. */
export async function ShareBar({ url, title, slug, personal = false, signed = personal }: Props) {
  const [t, tThanks, locale, copyWords] = await Promise.all([getTranslations("Petition.share"), getTranslations("Petition.thanks"), getLocale(), copyLinkWords()]);
  const text = signed ? t("text", { title }) : t("textInvite", { title });
  const links = shareLinks({ url, text, subject: title });
  return (
    <section aria-labelledby="share-heading" className="share-bar">
      <h2 id="share-heading">{personal ? tThanks("personalHeading") : t("heading")}</h2>
      {personal && <p className="small">{tThanks("personalBody")}</p>}
      <ul className="share-links">
        {SHARE_TARGETS.map((target) => (
          <li key={target}>
            <a href={links[target]} className={`share share-${target}`} target={target === "email" ? undefined : "_blank"} rel="noopener noreferrer">
              {t(target)}
            </a>
          </li>
        ))}
      </ul>
      <NativeShare url={url} title={title} text={text} label={t("native")} />
      <CopyLink url={url} words={copyWords} />
      <p className="small">
        {t("qr")} <a href={localised(locale, paths.campaignQr(slug, "svg"))} download>{t("qrSvg")}</a> · <a href={localised(locale, paths.campaignQr(slug, "png"))} download>{t("qrPng")}</a>
      </p>
    </section>
  );
}
