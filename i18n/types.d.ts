// Message keys are typed (next-intl's AppConfig): t("…") with a key English does not have, or a
// namespace that does not exist, fails the type check. English is the reference catalog; the others
// are held to its keys and arguments by scripts/check-messages.test.ts.
import type en from "@/messages/en.json";
import type { routing } from "@/i18n/routing";

declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof en;
  }
}
