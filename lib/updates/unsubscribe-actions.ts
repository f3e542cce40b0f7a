"use server";

import { redirect } from "next/navigation";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";
import { unsubscribe } from "@/lib/updates/service";

/** The unsubscribe page's button: the token in the mail's link is the credential (like confirming). */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const value = formData instanceof FormData ? formData.get("token") : null;
  const token = typeof value === "string" ? value : "";
  const outcome = await unsubscribe(token);
  redirect(await here(`${paths.unsubscribe(token)}?done=${outcome}`));
}
