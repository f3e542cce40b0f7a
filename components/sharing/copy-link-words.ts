import { getTranslations } from "next-intl/server";

/** CopyLink's words in the page's language (the component is a client one and formats nothing). */
export async function copyLinkWords() {
  const t = await getTranslations("Petition.share");
  return { linkLabel: t("linkLabel"), copy: t("copy"), copied: t("copied") };
}
