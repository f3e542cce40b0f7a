import { getRequestConfig } from "next-intl/server";

// English only for now; the locale moves into the URL when Urdu arrives (see docs/decisions/004-i18n.md).
export const DEFAULT_LOCALE = "en";

export default getRequestConfig(async () => {
  const locale = DEFAULT_LOCALE;
  return {
    locale,
    timeZone: "UTC",
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
