import "server-only";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { createTranslator, Messages } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import { isDatabaseUnavailable } from "@/lib/db-unavailable";
import { DomainError } from "@/lib/domain-error";
import type { FormState } from "@/lib/forms/state";
import { requestLog } from "@/lib/log";
import { here } from "@/lib/navigation";

// The one way to mutate (the conventions' "One way to mutate"; decision 026): every form's server
// action is a call of runFormAction, which owns the path from the submission to the answer:
//   1. the session and role, before anything is read (decision 008): a caller without the role is
//      refused whatever it sends, and learns nothing of how a submission would be validated;
//   2. the form read and parsed by the domain's zod schema; a failure returns the messages, by field
//      or as one summary, with what was typed, and changes nothing;
//   3. the change (`run`, which calls one service function); a DomainError becomes its message, beside
//      its field when it names one; the database busy or away (a rush, a restart) reads "nothing was
//      saved, try again in a moment" where the form has that message; anything else is logged and the
//      user reads a generic message, never the error's own text;
//   4. the pages that show the change are revalidated, and the redirect happens outside any try/catch.
// Every message is a key of the form's namespace under `errors.` (the schema's messages and the
// DomainError codes are such keys), translated in the request's language.

/** The namespaces of forms: those with an `errors` group, which names every problem a form can show. */
export type FormNamespace = { [N in keyof Messages]: Messages[N] extends { errors: { generic: string } } ? N : never }[keyof Messages];
type Translator<Namespace extends FormNamespace> = ReturnType<typeof createTranslator<Messages, Namespace>>;
type MessageArguments = Record<string, string | number>;
/**
 * The form's messages looked up by keys known only at run time (the schema's messages, the codes of
 * DomainErrors), each checked with `has` first: the one place where message keys are not typed.
 */
type RuntimeKeys = { has(key: string): boolean; (key: string, values?: MessageArguments): string };
/** A state's own parts beyond the common ones (a preview, a report). */
type ExtraOf<State> = Omit<State, keyof FormState>;
type FieldOf<State extends FormState> = keyof State["fieldErrors"] & string;

export type FormActionContext<Actor, State extends FormState, Namespace extends FormNamespace> = {
  actor: Actor;
  formData: FormData;
  /** The form's namespace, for the notice. */
  t: Translator<Namespace>;
  /** Adds to every state returned from here on, success or failure (what a form must not lose). */
  keep: (extra: Partial<ExtraOf<State>>) => void;
};

/** What a change did. Without `redirect`, the form re-renders with the notice. */
export type FormActionDone = {
  notice?: string | null;
  /** Drop what browsers and the page cache hold of every page in every language. */
  revalidate?: boolean;
  /** Where to go next (a path without the language; the request's language is added). */
  redirect?: string;
  /** Keep what was typed in the form (by default a success empties it). */
  keepValues?: boolean;
};

export type FormActionSpec<Actor, Schema extends z.ZodType, State extends FormState, Namespace extends FormNamespace> = {
  /** The session and role check (`requireAdmin` ...); a public form passes `async () => null`. */
  authorize: () => Promise<Actor>;
  /** The message namespace whose `errors.*` keys name every problem (e.g. "AdminCampaigns"). */
  messages: Namespace;
  schema: Schema | ((actor: Actor) => Schema);
  /** What the schema parses: the form's fields by default. May `keep` what a failure must send back. */
  read?: (formData: FormData, previous: Partial<State>, keep: (extra: Partial<ExtraOf<State>>) => void) => unknown;
  /** What was typed, sent back after a failure (never a password). Nothing by default. */
  echo?: (formData: FormData) => Partial<Record<FieldOf<State>, string>>;
  /**
   * "fields" (the default): each problem beside its field, and "fix the problems below" as the summary.
   * "summary": small forms with no field messages show the first problem as the form's message.
   */
  show?: "fields" | "summary";
  /** Arguments of the messages that state a limit, so that no translation states an old number. */
  arguments?: Record<string, MessageArguments>;
  /** The state's own parts (a preview, a report) before anything is kept. */
  extra?: ExtraOf<State>;
  /** For the log, when something unexpected fails: "campaigns: saving failed". */
  failure: string;
  run: (input: z.output<Schema>, context: FormActionContext<Actor, State, Namespace>) => Promise<FormActionDone>;
};

export async function runFormAction<State extends FormState, Actor, Schema extends z.ZodType, Namespace extends FormNamespace>(
  previous: State | undefined,
  formData: FormData,
  spec: FormActionSpec<Actor, Schema, State, Namespace>,
): Promise<State> {
  type Field = FieldOf<State>;
  const actor = await spec.authorize();

  const t: Translator<Namespace> = await getTranslations(spec.messages);
  const byKey = t as unknown as RuntimeKeys;
  // A server action can be called with anything: a value that is not a form reads as an empty one.
  const form = formData instanceof FormData ? formData : new FormData();
  const last: Partial<State> = previous && typeof previous === "object" ? previous : {};
  let extra = { ...spec.extra } as ExtraOf<State>;
  const keep = (more: Partial<ExtraOf<State>>) => void (extra = { ...extra, ...more });
  const values = spec.echo?.(form) ?? {};
  const attempt = (Number(last.attempt) || 0) + 1;
  // A problem whose key has no text (zod's own messages, say) reads "not valid", or the generic message.
  const fallback = byKey.has("errors.invalid") ? "invalid" : "generic";
  const message = (key: string) => {
    const known = byKey.has(`errors.${key}`);
    return byKey(`errors.${known ? key : fallback}`, known ? spec.arguments?.[key] : undefined);
  };
  const failed = (formError: string, fieldErrors: Partial<Record<Field, string>> = {}) => ({ formError, fieldErrors, notice: null, values, attempt, ...extra }) as unknown as State;

  const schema = typeof spec.schema === "function" ? spec.schema(actor) : spec.schema;
  const parsed = schema.safeParse(spec.read ? await spec.read(form, last, keep) : Object.fromEntries(form));
  if (!parsed.success) {
    const issues = parsed.error.issues;
    if (spec.show === "summary") return failed(message(issues[0]?.message ?? "invalid"));
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of issues) {
      const field = issue.path[0];
      if (field === undefined) return failed(message(issue.message));
      fieldErrors[String(field) as Field] ??= message(issue.message);
    }
    return failed(message("fixBelow"), fieldErrors);
  }

  let done: FormActionDone;
  try {
    done = await spec.run(parsed.data, { actor, formData: form, t, keep });
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof DomainError && byKey.has(`errors.${error.code}`)) {
      if (error.field && spec.show !== "summary") return failed(message("fixBelow"), { [error.field]: message(error.code) } as Partial<Record<Field, string>>);
      return failed(message(error.code));
    }
    if (isDatabaseUnavailable(error) && byKey.has("errors.unavailable")) {
      (await requestLog()).warn(`${spec.failure}: the database is busy or unavailable`, { error });
      return failed(message("unavailable"));
    }
    (await requestLog()).error(spec.failure, { error });
    return failed(message("generic"));
  }

  if (done.revalidate) revalidatePath("/", "layout");
  if (done.redirect !== undefined) redirect(await here(done.redirect));
  return { formError: null, fieldErrors: {}, notice: done.notice ?? null, values: done.keepValues ? values : {}, attempt, ...extra } as unknown as State;
}
