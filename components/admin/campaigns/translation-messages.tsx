import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/** Gives the translation forms (client components) their messages, on the admin pages that show them. */
export async function TranslationMessages({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  const scoped = { AdminTranslations: { form: messages.AdminTranslations.form, delete: messages.AdminTranslations.delete } };
  return <NextIntlClientProvider messages={scoped}>{children}</NextIntlClientProvider>;
}
