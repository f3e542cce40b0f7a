import NextLink from "next/link";
import { getLocale } from "next-intl/server";
import type { ComponentProps } from "react";
import { localised } from "@/lib/paths";

type Props = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string };

/**
 * A link to a page of the site in the reader's language (`href` is a path from lib/paths), for
 * server components on public pages: Next's own Link with the language prefixed here, so that public
 * pages do not load next-intl's client-side navigation (the admin uses i18n/navigation's Link).
 */
export async function Link({ href, ...props }: Props) {
  const locale = await getLocale();
  return <NextLink href={localised(locale, href)} {...props} />;
}
