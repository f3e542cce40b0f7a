import { localised, paths } from "@/lib/paths";
import { withAttribution, type Attribution } from "@/lib/sharing/referral";
import { absoluteUrl } from "@/lib/site-url";

// Share targets for a page. Every value goes through encodeURIComponent: titles carry quotes,
// ampersands and non-Latin text. Each target's link carries `utm_source=<target>`, so the admin's
// reach report can tell which channel brought a signature.
export const SHARE_TARGETS = ["whatsapp", "x", "facebook", "telegram", "linkedin", "email"] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export function shareLinks(input: { url: string; text: string; subject: string }): Record<ShareTarget, string> {
  const link = (target: ShareTarget) => withAttribution(input.url, { source: target });
  const enc = encodeURIComponent;
  return {
    whatsapp: `https://wa.me/?text=${enc(`${input.text} ${link("whatsapp")}`)}`,
    x: `https://x.com/intent/post?text=${enc(input.text)}&url=${enc(link("x"))}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${enc(link("facebook"))}`,
    telegram: `https://t.me/share/url?url=${enc(link("telegram"))}&text=${enc(input.text)}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${enc(link("linkedin"))}`,
    email: `mailto:?subject=${enc(input.subject)}&body=${enc(`${input.text}\n\n${link("email")}`)}`,
  };
}

/** The campaign's public address in a language, with a referral code and/or a source when given. */
export function campaignLink(locale: string, slug: string, attribution: Partial<Attribution> = {}): string {
  return withAttribution(absoluteUrl(localised(locale, paths.campaign(slug))), attribution);
}
