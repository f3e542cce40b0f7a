import "server-only";
import { getLocale } from "next-intl/server";
import { localised } from "@/lib/paths";

/** A path in the language of the current request, for redirect() in actions and pages. */
export async function here(path: string): Promise<string> {
  return localised(await getLocale(), path);
}
