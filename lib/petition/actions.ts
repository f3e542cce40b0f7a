"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requestLog } from "@/lib/log";
import { here } from "@/lib/navigation";
import { paths } from "@/lib/paths";
import { requestClientAddress } from "@/lib/petition/client";
import { PetitionError } from "@/lib/petition/errors";
import { COMMENT_MAX, formValues, HONEYPOT_FIELD, NAME_MAX, POW_FIELD, signatureSchema, type SignatureField, type SignatureFormValues } from "@/lib/petition/schema";
import { confirmSignature, signPetition, withdrawSignature } from "@/lib/petition/service";
import { EMBED_SOURCE } from "@/lib/sharing/embed";
import { ATTRIBUTION_HEADER, attributionFromQuery } from "@/lib/sharing/referral";

/** Where a form was signed: the campaign page, or the widget embedded on another site. */
export type SigningSurface = "page" | "embed";

export type SignFormState = {
  fieldErrors: Partial<Record<SignatureField, string>>;
  formError: string | null;
  values: SignatureFormValues;
  /** Changes on every failed submission, so the form can move focus to the error summary again. */
  attempt: number;
};

export async function signAction(slug: string, surface: SigningSurface, previous: SignFormState, formData: FormData): Promise<SignFormState> {
  const t = await getTranslations("Petition.errors");
  const values = formValues(formData);
  const fail = (formError: string, fieldErrors: SignFormState["fieldErrors"] = {}): SignFormState => ({ fieldErrors, formError, values, attempt: previous.attempt + 1 });

  const parsed = signatureSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors: SignFormState["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as SignatureField;
      const key = issue.message;
      // The limits are arguments of their messages, so a translation never states an old number.
      if (key === "nameTooLong" || key === "commentTooLong") fieldErrors[field] ??= t(key, { max: key === "nameTooLong" ? NAME_MAX : COMMENT_MAX });
      else fieldErrors[field] ??= t.has(key as never) ? t(key as never) : t("invalid");
    }
    return fail(t("fixBelow"), fieldErrors);
  }

  try {
    const [locale, clientAddress, requestHeaders] = await Promise.all([getLocale(), requestClientAddress(), headers()]);
    // The page's ?ref= and ?utm_source= (proxy.ts); the widget's signatures say "embed" when its snippet names no source.
    const attribution = attributionFromQuery(requestHeaders.get(ATTRIBUTION_HEADER));
    if (surface === "embed") attribution.source ??= EMBED_SOURCE;
    await signPetition(slug, parsed.data, {
      locale,
      clientAddress,
      powPayload: text(formData, POW_FIELD),
      honeypot: text(formData, HONEYPOT_FIELD),
      attribution,
    });
  } catch (error) {
    // A server action cannot answer 429: the form shows why instead, and nothing was written.
    if (error instanceof PetitionError && error.code === "tooManyFromNetwork") return fail((await getTranslations("Trust.errors"))("tooManyFromNetwork"));
    if (error instanceof PetitionError) return fail(t(error.code));
    (await requestLog()).error("petition: signing failed", { error });
    return fail(t("generic"));
  }
  // One answer for every address, new or not (docs/decisions/021): the mail tells its owner the rest.
  redirect(await here(surface === "embed" ? paths.embedThanks(slug, "check-email") : paths.thanks(slug, "check-email")));
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
  // Expired or unusable: the link's page explains what happened and what to do.
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
