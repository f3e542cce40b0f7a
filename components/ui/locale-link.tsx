import NextLink from "next/link";
import type { ComponentProps } from "react";
import { localised } from "@/lib/paths";

export type LocaleLinkProps = Omit<ComponentProps<typeof NextLink>, "href"> & { href: string; locale: string };

/**
 * The one way to link to a page of the site (decision 026): Next's own Link, with `href` a path from
 * lib/paths and the language prefixed here. Server components use `Link` (components/ui/link.tsx),
 * which reads the request's language; client components, which cannot, pass the language they have.
 * No directive: it renders wherever it is imported, and public pages load no i18n navigation code.
 */
export function LocaleLink({ href, locale, ...props }: LocaleLinkProps) {
  return <NextLink href={localised(locale, href)} {...props} />;
}
