"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";
import { requestClientAddress } from "@/lib/petition/client";
import { COMMENT_MAX, HONEYPOT_FIELD, NAME_MAX, POW_FIELD, SIGNATURE_FIELDS, signatureSchema, type SignatureField } from "@/lib/petition/schema";
import { confirmSignature, signPetition, withdrawSignature } from "@/lib/petition/service";
import { EMBED_SOURCE } from "@/lib/sharing/embed";
import { ATTRIBUTION_HEADER, attributionFromQuery } from "@/lib/sharing/referral";

/** Where a form was signed: the campaign page, or the widget embedded on another site. */
export type SigningSurface = "page" | "embed";

export type SignFormState = FormState<SignatureField>;

export async function signAction(slug: string, surface: SigningSurface, previous: SignFormState, formData: FormData): Promise<SignFormState> {
  return runFormAction(previous, formData, {
    authorize: async () => null,
    messages: "Petition",
    schema: signatureSchema,
    echo: (form) => echoFields(form, SIGNATURE_FIELDS, 2_000),
    // The limits are arguments of their messages, so a translation never states an old number.
    arguments: { nameTooLong: { max: NAME_MAX }, commentTooLong: { max: COMMENT_MAX } },
    failure: "petition: signing failed",
    // A refusal (too many from one network, closed) is the form's message: a server action cannot
    // answer 429, and nothing was written.
    run: async (input, { formData: form }) => {
      const [locale, clientAddress, requestHeaders] = await Promise.all([getLocale(), requestClientAddress(), headers()]);
      // The page's ?ref= and ?utm_source= (proxy.ts); the widget's signatures say "embed" when its snippet names no source.
      const attribution = attributionFromQuery(requestHeaders.get(ATTRIBUTION_HEADER));
      if (surface === "embed") attribution.source ??= EMBED_SOURCE;
      await signPetition(slug, input, { locale, clientAddress, powPayload: text(form, POW_FIELD), honeypot: text(form, HONEYPOT_FIELD), attribution });
      // One answer for every address, new or not (docs/decisions/021): the mail tells its owner the rest.
      return { redirect: surface === "embed" ? paths.embedThanks(slug, "check-email") : paths.thanks(slug, "check-email") };
    },
  });
}

function text(formData: FormData, name: string): string | null {
  const value = formData.get(name);
  return typeof value === "string" ? value : null;
}

function tokenOf(formData: FormData): string {
  return text(formData, "token") ?? "";
}

export async function confirmAction(formData: FormData): Promise<void> {
  const token = tokenOf(formData);
  const outcome = await confirmSignature(token);
  // No revalidatePath: during a rush every confirmation would throw the cached pages away. They are
  // rendered again every few seconds (lib/net/cacheable-pages.ts), the count with them.
  if (outcome.kind === "confirmed" || outcome.kind === "already-confirmed") {
    redirect(await here(paths.thanks(outcome.slug, "confirmed", outcome.referral)));
  }
  // Expired, unusable, or the campaign closed: the link's page explains what happened and what to do.
  redirect(await here(`${paths.confirm(token)}?tried=1`));
}

export async function withdrawAction(formData: FormData): Promise<void> {
  const token = tokenOf(formData);
  const outcome = await withdrawSignature(token);
  if (outcome.kind === "withdrawn" || outcome.kind === "already-withdrawn") {
    redirect(await here(paths.thanks(outcome.slug, "withdrawn")));
  }
  redirect(await here(`${paths.withdraw(token)}?tried=1`));
}
