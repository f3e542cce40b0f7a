import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";

// Typed route helpers: every internal link is built here.
export type ThanksResult = "check-email" | "confirmed" | "withdrawn";
/** The thank-you page after its question: the share options, or thanks without them (no one to write to). */
export type ThanksStep = "share" | "declined";
/** What the campaign edit page confirms after a redirect from a save. */
export type AdminCampaignNotice = "created" | "saved" | "unchanged" | "imported";
/** What the targets page confirms after a redirect from a save. */
export type AdminTargetsNotice = "target-created" | "target-saved" | "target-unchanged" | "target-deleted" | "letter-saved" | "letter-unchanged" | "by-site-on" | "by-site-off";
/** What an update's page confirms after a redirect. */
export type AdminUpdateNotice = "created" | "text-saved" | "text-unchanged" | "test-sent" | "sending";
/** What the sign-in page says after a redirect to it. */
export type AdminLoginNotice = "password-changed";

const enc = encodeURIComponent;

/**
 * A path in a language: localised("ur", "/c/x") is "/ur/c/x". Every page lives under its language
 * (i18n/routing.ts); `paths` gives paths within one. Links (components/ui/link.tsx) and redirects
 * (`here`, lib/navigation.ts) add the language with this; so do form actions, plain <a> and emails.
 */
export function localised(locale: string, path: string): string {
  return `/${enc(locale)}${path === "/" ? "" : path}`;
}

/** A page's canonical URL in its language and its hreflang alternates, for generateMetadata. */
export function alternates(locale: string, path: string) {
  return {
    canonical: localised(locale, path),
    languages: { ...Object.fromEntries(LOCALES.map((other) => [other, localised(other, path)])), "x-default": localised(DEFAULT_LOCALE, path) },
  };
}

export const paths = {
  home: () => "/",
  /** The public JSON API's series (docs/api.md): not under a language. */
  apiCampaignSeries: (slug: string) => `/api/campaigns/${enc(slug)}/series`,
  campaign: (slug: string) => `/c/${enc(slug)}`,
  sign: (slug: string) => `/c/${enc(slug)}#sign`,
  /** Every country's vote as a table, with the lookup ("How did my country vote?"). */
  votes: (slug: string, country?: string) => `/c/${enc(slug)}/votes${country ? `?country=${enc(country.toUpperCase())}` : ""}`,
  countryPage: (slug: string, iso3: string) => `/c/${enc(slug)}/country/${enc(iso3.toUpperCase())}`,
  campaignQr: (slug: string, format: "svg" | "png") => `/c/${enc(slug)}/qr/${format}`,
  /** Where a signer writes to the campaign's targets. */
  write: (slug: string) => `/c/${enc(slug)}/write`,
  /** Where the write page's form for one target posts (answered with a mailto: link). */
  letter: (slug: string, targetId: number) => `/c/${enc(slug)}/write/${targetId}`,
  thanks: (slug: string, result: ThanksResult, referral?: string | null, step?: ThanksStep) =>
    `/c/${enc(slug)}/thanks?result=${result}${referral ? `&ref=${enc(referral)}` : ""}${step ? `&step=${step}` : ""}`,
  embed: (slug: string) => `/embed/${enc(slug)}`,
  embedThanks: (slug: string, result: ThanksResult) => `/embed/${enc(slug)}/thanks?result=${result}`,
  siteShareImage: () => "/share-image",
  shareImage: (slug: string, version?: number) => `/c/${enc(slug)}/share-image${version === undefined ? "" : `?v=${version}`}`,
  voteMap: (slug: string, stage: string, version: string) => `/c/${enc(slug)}/vote-map/${enc(stage)}?v=${enc(version)}`,
  countryShareImage: (slug: string, iso3: string) => `/c/${enc(slug)}/country/${enc(iso3.toUpperCase())}/share-image`,
  confirm: (token: string) => `/confirm/${enc(token)}`,
  withdraw: (token: string) => `/withdraw/${enc(token)}`,
  myData: (token: string, sentTo?: number) => `/my-data/${enc(token)}${sentTo ? `?sent=${sentTo}` : ""}`,
  myDataDownload: (token: string) => `/my-data/${enc(token)}/download`,
  /** A signer's page to stop campaign updates (the link in each update's mail). */
  unsubscribe: (token: string) => `/unsubscribe/${enc(token)}`,
  /** The one-click unsubscribe (RFC 8058) a mail app posts to: not under a language. */
  apiUnsubscribe: (token: string) => `/api/unsubscribe/${enc(token)}`,
  privacy: () => "/privacy",
  outbox: () => "/dev/outbox",
  health: () => "/api/health",
  altchaChallenge: () => "/api/altcha/challenge",
  admin: () => "/admin",
  adminLogin: (notice?: AdminLoginNotice) => `/admin/login${notice ? `?notice=${notice}` : ""}`,
  adminSignatures: (query = "") => `/admin/signatures${query ? `?${query}` : ""}`,
  adminSignature: (id: number) => `/admin/signatures/${id}`,
  adminAudit: (before?: number) => `/admin/audit${before ? `?before=${before}` : ""}`,
  adminIntegrity: () => "/admin/integrity",
  adminCampaigns: () => "/admin/campaigns",
  adminCampaign: (id: number, notice?: AdminCampaignNotice) => `/admin/campaigns/${id}${notice ? `?notice=${notice}` : ""}`,
  adminCampaignPreview: (id: number) => `/admin/campaigns/${id}/preview`,
  adminCampaignReach: (id: number) => `/admin/campaigns/${id}/reach`,
  /** The hand-in record; `names`: with the first names of the signers who chose to be shown. */
  adminCampaignReport: (id: number, options: { names?: boolean } = {}) => `/admin/campaigns/${id}/report${options.names ? "?names=1" : ""}`,
  /** Whom signers write to, the suggested letters, and how many letters each target was sent. */
  adminCampaignTargets: (id: number, notice?: AdminTargetsNotice) => `/admin/campaigns/${id}/targets${notice ? `?notice=${notice}` : ""}`,
  adminCampaignUpdates: (id: number) => `/admin/campaigns/${id}/updates`,
  adminCampaignUpdate: (id: number, updateId: number, notice?: AdminUpdateNotice) => `/admin/campaigns/${id}/updates/${updateId}${notice ? `?notice=${notice}` : ""}`,
  adminNewCampaign: () => "/admin/campaigns/new",
  adminAccounts: () => "/admin/accounts",
  /** The signed-in staff member's own account: two-factor sign-in. */
  adminAccount: () => "/admin/accounts/me",
  adminExport: (query = "") => `/admin/signatures/export${query ? `?${query}` : ""}`,
} as const;
