import { getTranslations } from "next-intl/server";
import { COMMENT_MAX } from "@/lib/petition/fields";

/**
 * The signing form's words, in the page's language, formatted on the server. The form (a client
 * component) gets them as plain strings, so the browser formats no message: next-intl's formatter
 * costs the phone ~30 ms of locale resolution on first use, on the page people sign from.
 */
export async function signFormText(organisation: string) {
  const [t, tTrust] = await Promise.all([getTranslations("Petition.form"), getTranslations("Trust.form")]);
  // "No country matches “{query}”." around what the reader typed, whatever the language's word order.
  const marker = "\u0000";
  const [noMatchBefore = "", noMatchAfter = ""] = t("noCountryMatch", { query: marker }).split(marker);
  return {
    errorSummary: t("errorSummary"),
    fullName: t("fullName"),
    email: t("email"),
    emailHint: t("emailHint"),
    country: t("country"),
    countryFilter: t("countryFilter"),
    chooseCountry: t("chooseCountry"),
    noMatchBefore,
    noMatchAfter,
    comment: t("comment"),
    commentHint: t("commentHint", { max: COMMENT_MAX }),
    showName: t("showName"),
    mayContact: t("mayContact", { organisation }),
    privacy: t("privacy"),
    submit: t("submit"),
    pending: t("pending"),
    /** The label of the hidden field people leave empty. */
    honeypot: tTrust("honeypot"),
  };
}

export type SignFormText = Awaited<ReturnType<typeof signFormText>>;
