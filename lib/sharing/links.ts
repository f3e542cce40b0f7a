// Share targets for a page. Every value goes through encodeURIComponent: titles carry quotes,
// ampersands and non-Latin text.
export const SHARE_TARGETS = ["whatsapp", "x", "facebook", "telegram", "linkedin", "email"] as const;
export type ShareTarget = (typeof SHARE_TARGETS)[number];

export function shareLinks(input: { url: string; text: string; subject: string }): Record<ShareTarget, string> {
  const url = encodeURIComponent(input.url);
  const text = encodeURIComponent(input.text);
  return {
    whatsapp: `https://wa.me/?text=${encodeURIComponent(`${input.text} ${input.url}`)}`,
    x: `https://x.com/intent/post?text=${text}&url=${url}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${url}`,
    telegram: `https://t.me/share/url?url=${url}&text=${text}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    email: `mailto:?subject=${encodeURIComponent(input.subject)}&body=${encodeURIComponent(`${input.text}\n\n${input.url}`)}`,
  };
}
