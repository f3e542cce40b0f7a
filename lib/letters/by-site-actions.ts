"use server";

import { runFormAction } from "@/lib/forms/action";
import { echoFields, type FormState } from "@/lib/forms/state";
import { sendLetterBySite } from "@/lib/letters/by-site";
import { LETTER_LIMITS } from "@/lib/letters/letter";
import { letterSchema } from "@/lib/letters/schema";
import { paths } from "@/lib/paths";

export type LetterBySiteState = FormState<"locale" | "subject" | "body">;

/**
 * A signer's letter, sent by the site: from their data page, whose link (bound by the page) is the
 * credential, as for withdrawing. Public: anyone holding the link is its signer.
 */
export async function sendLetterBySiteAction(token: string, targetId: number, previous: LetterBySiteState, formData: FormData): Promise<LetterBySiteState> {
  return runFormAction(previous, formData, {
    authorize: async () => null,
    messages: "Letters",
    schema: letterSchema,
    echo: (form) => echoFields(form, ["subject", "body"] as const, LETTER_LIMITS.body + 100),
    failure: "letters: sending through the site failed",
    run: async (input) => {
      await sendLetterBySite(token, targetId, input);
      return { redirect: paths.myData(token, targetId) };
    },
  });
}
