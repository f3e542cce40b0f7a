// Typed route helpers: every internal link is built here.
export type ThanksResult = "check-email" | "mail-failed" | "already-signed" | "confirmed" | "withdrawn";

const enc = encodeURIComponent;

export const paths = {
  home: () => "/",
  campaign: (slug: string) => `/c/${enc(slug)}`,
  campaignCountryLookup: (slug: string, iso3: string) => `/c/${enc(slug)}?country=${enc(iso3)}#my-country`,
  sign: (slug: string) => `/c/${enc(slug)}#sign`,
  thanks: (slug: string, result: ThanksResult) => `/c/${enc(slug)}/thanks?result=${result}`,
  confirm: (token: string) => `/confirm/${enc(token)}`,
  withdraw: (token: string) => `/withdraw/${enc(token)}`,
  privacy: () => "/privacy",
  outbox: () => "/dev/outbox",
  health: () => "/api/health",
} as const;
