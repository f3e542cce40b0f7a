import { getLocale } from "next-intl/server";
import { LocaleLink, type LocaleLinkProps } from "@/components/ui/locale-link";

/** A link to a page of the site in the reader's language, for server components (see LocaleLink). */
export async function Link(props: Omit<LocaleLinkProps, "locale">) {
  return <LocaleLink locale={await getLocale()} {...props} />;
}
