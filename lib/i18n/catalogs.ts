import "server-only";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import en from "@/messages/en.json";
import ur from "@/messages/ur.json";

// Translations used outside a page request (emails, share images, jobs): each locale's messages are
// imported here. Adding a language: import messages/<locale>.json and add it to this map.
const catalogs = { en, ur } as const;
export type CatalogLocale = keyof typeof catalogs;
export const FALLBACK_LOCALE: CatalogLocale = "en";
const RIGHT_TO_LEFT = new Set(["ar", "fa", "he", "ps", "ur", "yi"]);

export function catalogLocale(locale: string): CatalogLocale {
  return Object.hasOwn(catalogs, locale) ? (locale as CatalogLocale) : FALLBACK_LOCALE;
}

export function textDirection(locale: string): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

type Messages = (typeof catalogs)[CatalogLocale];
type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/** A translator for one namespace in `locale` (or English when the site has no such language). */
export function translator<N extends Namespace>(locale: string, namespace: N) {
  const resolved = catalogLocale(locale);
  return createTranslator<Messages, N>({ locale: resolved, messages: catalogs[resolved], namespace, timeZone: "UTC" });
}
