// Typed route helpers: every internal link is built here.
export const paths = {
  home: () => "/",
  campaign: (slug: string) => `/c/${encodeURIComponent(slug)}`,
  campaignCountryLookup: (slug: string, iso3: string) =>
    `/c/${encodeURIComponent(slug)}?country=${encodeURIComponent(iso3)}#my-country`,
  health: () => "/api/health",
} as const;
